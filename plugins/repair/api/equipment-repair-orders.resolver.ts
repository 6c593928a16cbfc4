import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  declareFieldReads,
  Equipment,
  type RequestScope,
} from '../../../core/index.js';
import { repairOrdersByEquipment } from '../loaders/repair-orders-by-equipment.loader.js';
import { repairOrderConditions } from '../services/repair-order.service.js';
import { RepairOrderFilter } from './repair-order.input.js';
import { RepairOrderConnection } from './repair-order.resolver.js';

// A unit's page of orders needs only the unit's id, so a list of units can skip other columns.
declareFieldReads(Equipment, 'repairOrders', ['id']);

/** Adds the unit's repair history to the core Equipment type. */
@Resolver(() => Equipment)
export class EquipmentRepairOrdersResolver {
  @FieldResolver(() => RepairOrderConnection, {
    description: 'Repair orders of this unit, newest first.',
  })
  repairOrders(
    @Ctx() scope: RequestScope,
    @Root() equipment: Equipment,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => RepairOrderFilter, { nullable: true }) filter?: RepairOrderFilter,
  ) {
    return repairOrdersByEquipment.page(
      scope,
      equipment.id,
      page,
      repairOrderConditions(scope, filter),
      info,
    );
  }
}
