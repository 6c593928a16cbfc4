import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionArgs } from '../api/connection.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import { Access } from '../security/access.js';
import { StaffRole } from '../entities/enums.js';
import { createOnce } from '../idempotency/idempotency.js';
import type { RequestScope } from '../request-scope.js';
import {
  createEquipmentModel,
  listEquipmentModels,
  updateEquipmentModel,
} from '../services/equipment-model.service.js';
import { requireRecord } from '../services/records.js';
import { EquipmentModelConnection } from './connections.js';
import {
  CreateEquipmentModelInput,
  EquipmentModelFilter,
  EquipmentModelPayload,
  UpdateEquipmentModelInput,
} from './equipment-model.input.js';

@Resolver(() => EquipmentModel)
export class EquipmentModelResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => EquipmentModel, {
    nullable: true,
    description: 'An equipment model by its global ID.',
  })
  equipmentModel(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, EquipmentModel, id, 'id');
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => EquipmentModelConnection, { description: 'Equipment models, by model code.' })
  equipmentModels(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => EquipmentModelFilter, { nullable: true }) filter?: EquipmentModelFilter,
  ) {
    return listEquipmentModels(scope, filter, page);
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => EquipmentModelPayload)
  async createEquipmentModel(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateEquipmentModelInput) input: CreateEquipmentModelInput,
  ): Promise<EquipmentModelPayload> {
    return {
      equipmentModel: await createOnce(scope, 'createEquipmentModel', EquipmentModel, input, () =>
        createEquipmentModel(scope, input),
      ),
    };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => EquipmentModelPayload)
  async updateEquipmentModel(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdateEquipmentModelInput) input: UpdateEquipmentModelInput,
  ): Promise<EquipmentModelPayload> {
    return { equipmentModel: await updateEquipmentModel(scope, input) };
  }
}
