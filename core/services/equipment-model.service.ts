import type { FilterQuery } from '@mikro-orm/core';
import type { ConnectionArgs, ConnectionPage } from '../api/connection.js';
import { containsText, findPage } from '../api/pagination.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import type { RequestScope } from '../request-scope.js';
import type {
  CreateEquipmentModelInput,
  EquipmentModelFilter,
  UpdateEquipmentModelInput,
} from '../resolvers/equipment-model.input.js';
import { applyChanges, flushChecked, requireRecordAtVersion } from './records.js';

/** Lists equipment models by model code. */
export function listEquipmentModels(
  scope: RequestScope,
  filter: EquipmentModelFilter = {},
  args: ConnectionArgs,
): Promise<ConnectionPage<EquipmentModel>> {
  const where: FilterQuery<EquipmentModel>[] = [];
  if (filter.category) where.push({ category: filter.category });
  if (filter.manufacturer) where.push({ manufacturer: filter.manufacturer });
  if (filter.text) {
    const text = containsText(scope, filter.text);
    where.push({ $or: [{ modelCode: text }, { name: text }] });
  }
  return findPage(
    scope,
    EquipmentModel,
    { $and: where },
    { property: 'modelCode', direction: 'ASC' },
    args,
  );
}

export async function createEquipmentModel(
  scope: RequestScope,
  input: CreateEquipmentModelInput,
): Promise<EquipmentModel> {
  const model = scope.em.create(EquipmentModel, {
    manufacturer: input.manufacturer,
    modelCode: input.modelCode,
    name: input.name ?? null,
    category: input.category,
    serviceManualRef: input.serviceManualRef ?? null,
    maintenanceItems: input.maintenanceItems ?? [],
  });
  await flushChecked(scope, [
    {
      column: 'model_code',
      field: 'input.modelCode',
      message: `input.modelCode "${input.modelCode}" already exists for manufacturer "${input.manufacturer}": choose a different model code`,
    },
  ]);
  return model;
}

export async function updateEquipmentModel(
  scope: RequestScope,
  input: UpdateEquipmentModelInput,
): Promise<EquipmentModel> {
  const model = await requireRecordAtVersion(scope, EquipmentModel, input);
  const { id: _id, version: _version, ...changes } = input;
  applyChanges(model, changes);
  await flushChecked(scope, []);
  return model;
}
