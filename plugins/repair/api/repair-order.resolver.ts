import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  Access,
  ConnectionArgs,
  StaffRole,
  connectionType,
  createOnce,
  Customer,
  Equipment,
  loadReference,
  notFound,
  requireRecord,
  selectedFieldNames,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import {
  createRepairOrder,
  listRepairOrders,
  repairOrderByNumber,
} from '../services/repair-order.service.js';
import {
  CreateRepairOrderInput,
  RepairOrderFilter,
  RepairOrderPayload,
} from './repair-order.input.js';

export const RepairOrderConnection = connectionType('RepairOrder', RepairOrder);

@Resolver(() => RepairOrder)
export class RepairOrderResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => RepairOrder, { nullable: true, description: 'A repair order by its global ID.' })
  repairOrder(
    @Ctx() scope: RequestScope,
    @Arg('id', () => ID) id: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selected = selectedFieldNames(info);
    return requireRecord(scope, RepairOrder, id, 'id', {
      populate: ['equipment', 'customer'].filter((relation) => selected.has(relation)),
    });
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => RepairOrder, { nullable: true, description: 'A repair order by its number.' })
  async repairOrderByNumber(
    @Ctx() scope: RequestScope,
    @Arg('number', () => String) number: string,
  ) {
    const order = await repairOrderByNumber(scope, number);
    if (!order) throw notFound('RepairOrder', 'number', number);
    return order;
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => RepairOrderConnection, { description: 'Repair orders, newest first.' })
  repairOrders(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => RepairOrderFilter, { nullable: true }) filter?: RepairOrderFilter,
  ) {
    return listRepairOrders(scope, filter, page);
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.DISPATCHER], customers: true })
  @Mutation(() => RepairOrderPayload, { description: 'Opens a repair order in state REPORTED.' })
  async createRepairOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateRepairOrderInput) input: CreateRepairOrderInput,
  ): Promise<RepairOrderPayload> {
    return {
      repairOrder: await createOnce(scope, 'createRepairOrder', RepairOrder, input, () =>
        createRepairOrder(scope, input),
      ),
    };
  }

  @FieldResolver(() => Equipment)
  equipment(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return loadReference(scope, Equipment, order.equipment);
  }

  @FieldResolver(() => Customer, { description: 'Owner of the unit when the fault was reported.' })
  customer(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return loadReference(scope, Customer, order.customer);
  }
}
