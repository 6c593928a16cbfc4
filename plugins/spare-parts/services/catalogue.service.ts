import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  applyChanges,
  containsText,
  EquipmentModel,
  findPage,
  flushChecked,
  requireRecord,
  requireRecordAtVersion,
  Site,
  type ConnectionArgs,
  type RequestScope,
} from '../../../core/index.js';
import type {
  CreatePartInput,
  CreateSupplierInput,
  CreateWarehouseInput,
  PartFilter,
  QualifySupplierInput,
  UpdatePartInput,
} from '../api/catalogue.input.js';
import { Part } from '../entities/part.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';

async function resolveModels(scope: RequestScope, ids: string[]): Promise<EquipmentModel[]> {
  const models: EquipmentModel[] = [];
  for (const [index, id] of ids.entries()) {
    models.push(
      await requireRecord(scope, EquipmentModel, id, `input.compatibleModelIds.${index}`),
    );
  }
  return models;
}

/** Adds a part to the catalogue. */
export async function createPart(scope: RequestScope, input: CreatePartInput): Promise<Part> {
  const part = scope.em.create(Part, {
    partNumber: input.partNumber,
    name: input.name,
    specification: input.specification ?? null,
    model: input.model ?? null,
    unitOfMeasure: input.unitOfMeasure ?? 'EA',
    unitCost: input.unitCost ?? null,
    critical: input.critical ?? false,
    valuable: input.valuable ?? false,
    reorderPoint: input.reorderPoint ?? '0',
    safetyStock: input.safetyStock ?? '0',
  });
  part.compatibleModels.set(await resolveModels(scope, input.compatibleModelIds ?? []));
  await flushChecked(scope, [
    {
      column: 'part_number',
      field: 'input.partNumber',
      message: `input.partNumber "${input.partNumber}" is already in the catalogue: use another number or update that part`,
    },
  ]);
  return part;
}

/** Changes a part's catalogue data at the version the client read. */
export async function updatePart(scope: RequestScope, input: UpdatePartInput): Promise<Part> {
  const part = await requireRecordAtVersion(scope, Part, input);
  const { id: _id, version: _version, compatibleModelIds, ...changes } = input;
  applyChanges(part, changes as Partial<Part>);
  if (input.unitCost !== undefined && input.unitCost !== null) part.importedWithoutCost = false;
  if (compatibleModelIds) {
    await part.compatibleModels.init();
    part.compatibleModels.set(await resolveModels(scope, compatibleModelIds));
  }
  part.updatedAt = new Date();
  await flushChecked(scope, []);
  return part;
}

/** Lists parts ordered by part number. */
export async function listParts(
  scope: RequestScope,
  filter: PartFilter | undefined,
  page: ConnectionArgs,
) {
  const where: Record<string, unknown>[] = [];
  if (filter?.text) {
    const text = containsText(scope, filter.text);
    where.push({ $or: [{ partNumber: text }, { name: text }] });
  }
  if (filter?.critical !== undefined && filter.critical !== null)
    where.push({ critical: filter.critical });
  if (filter?.belowReorderPoint !== undefined && filter.belowReorderPoint !== null) {
    const ids = await partIdsBelowReorderPoint(scope);
    where.push(filter.belowReorderPoint ? { id: { $in: ids } } : { id: { $nin: ids } });
  }
  return findPage(scope, Part, { $and: where }, { property: 'partNumber', direction: 'ASC' }, page);
}

/**
 * Returns the ids of parts whose available stock over all warehouses is at or below their
 * reorder point, for parts with a reorder point above 0. Both sides are stored in the same unit.
 */
async function partIdsBelowReorderPoint(scope: RequestScope): Promise<string[]> {
  const rows = (await (scope.em as SqlEntityManager).execute(
    `select p.id from spare_parts_part p
       left join (select part_id, sum(on_hand - reserved) as available
                    from spare_parts_stock_balance group by part_id) b on b.part_id = p.id
      where p.reorder_point > 0 and coalesce(b.available, 0) <= p.reorder_point`,
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Adds a warehouse. */
export async function createWarehouse(scope: RequestScope, input: CreateWarehouseInput) {
  const site = input.siteId ? await requireRecord(scope, Site, input.siteId, 'input.siteId') : null;
  const warehouse = scope.em.create(Warehouse, { code: input.code, name: input.name, site });
  await flushChecked(scope, [
    {
      column: 'code',
      field: 'input.code',
      message: `input.code "${input.code}" is taken by another warehouse: choose another code`,
    },
  ]);
  return warehouse;
}

/** Adds a supplier, not yet qualified. */
export async function createSupplier(scope: RequestScope, input: CreateSupplierInput) {
  const supplier = scope.em.create(Supplier, { code: input.code, name: input.name });
  await flushChecked(scope, [
    {
      column: 'code',
      field: 'input.code',
      message: `input.code "${input.code}" is taken by another supplier: choose another code`,
    },
  ]);
  return supplier;
}

/** Records a qualification decision on a supplier. */
export async function qualifySupplier(scope: RequestScope, input: QualifySupplierInput) {
  const supplier = await requireRecordAtVersion(scope, Supplier, input);
  supplier.qualified = input.qualified;
  supplier.qualificationNote = input.note;
  supplier.qualifiedOn = input.decidedOn;
  await flushChecked(scope, []);
  return supplier;
}
