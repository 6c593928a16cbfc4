import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Info,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionArgs } from '../api/connection.js';
import { declareFieldReads } from '../api/derived-from.js';
import { loadReference } from '../api/entity-loader.js';
import { Customer } from '../entities/customer.entity.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import { Equipment } from '../entities/equipment.entity.js';
import { Site } from '../entities/site.entity.js';
import { Access } from '../security/access.js';
import { StaffRole } from '../entities/enums.js';
import { createOnce } from '../idempotency/idempotency.js';
import type { RequestScope } from '../request-scope.js';
import { equipmentComponents } from '../services/children.js';
import {
  createEquipment,
  equipmentBySerial,
  listEquipment,
  updateEquipment,
} from '../services/equipment.service.js';
import { requireRecord } from '../services/records.js';
import { EquipmentConnection } from './connections.js';
import {
  CreateEquipmentInput,
  EquipmentFilter,
  EquipmentOrder,
  EquipmentPayload,
  UpdateEquipmentInput,
} from './equipment.input.js';

// Nested lists need only the parent's id, so a list of parents can skip other columns.
declareFieldReads(Equipment, 'components', ['id']);

@Resolver(() => Equipment)
export class EquipmentResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => Equipment, { nullable: true, description: 'A unit by its global ID.' })
  equipment(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Equipment, id, 'id');
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => Equipment, { nullable: true, description: 'A unit by its serial number.' })
  equipmentBySerial(@Ctx() scope: RequestScope, @Arg('serial', () => String) serial: string) {
    return equipmentBySerial(scope, serial);
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => EquipmentConnection, {
    description: 'Units, filtered and sorted; serial number ascending by default.',
  })
  equipmentList(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => EquipmentFilter, { nullable: true }) filter?: EquipmentFilter,
    @Arg('orderBy', () => EquipmentOrder, { nullable: true }) orderBy?: EquipmentOrder,
  ) {
    return listEquipment(scope, filter, orderBy, page);
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.DISPATCHER] })
  @Mutation(() => EquipmentPayload)
  async createEquipment(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateEquipmentInput) input: CreateEquipmentInput,
  ): Promise<EquipmentPayload> {
    return {
      equipment: await createOnce(scope, 'createEquipment', Equipment, input, () =>
        createEquipment(scope, input),
      ),
    };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.DISPATCHER] })
  @Mutation(() => EquipmentPayload)
  async updateEquipment(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdateEquipmentInput) input: UpdateEquipmentInput,
  ): Promise<EquipmentPayload> {
    return { equipment: await updateEquipment(scope, input) };
  }

  @FieldResolver(() => EquipmentModel)
  model(@Ctx() scope: RequestScope, @Root() equipment: Equipment) {
    return loadReference(scope, EquipmentModel, equipment.model);
  }

  @FieldResolver(() => Customer, { description: 'The owner.' })
  customer(@Ctx() scope: RequestScope, @Root() equipment: Equipment) {
    return loadReference(scope, Customer, equipment.customer);
  }

  @FieldResolver(() => Site, { nullable: true })
  site(@Ctx() scope: RequestScope, @Root() equipment: Equipment) {
    return loadReference(scope, Site, equipment.site);
  }

  @FieldResolver(() => Equipment, { nullable: true, description: 'The unit this one is part of.' })
  parent(@Ctx() scope: RequestScope, @Root() equipment: Equipment) {
    return loadReference(scope, Equipment, equipment.parent);
  }

  @FieldResolver(() => EquipmentConnection, { description: 'Units that are part of this one.' })
  components(
    @Ctx() scope: RequestScope,
    @Root() equipment: Equipment,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return equipmentComponents.page(scope, equipment.id, page, {}, info);
  }
}
