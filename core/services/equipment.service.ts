import type { FilterQuery } from '@mikro-orm/core';
import type { ConnectionArgs, ConnectionPage } from '../api/connection.js';
import { badUserInput, notFound } from '../api/errors.js';
import { loadReference } from '../api/entity-loader.js';
import { fromGlobalId } from '../api/global-id.js';
import { normalizeDecimal } from '../database/decimal.type.js';
import { containsText, findPage } from '../api/pagination.js';
import { Customer } from '../entities/customer.entity.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import { EquipmentStatus } from '../entities/enums.js';
import { Equipment, type MeterReading } from '../entities/equipment.entity.js';
import { Site } from '../entities/site.entity.js';
import type { RequestScope } from '../request-scope.js';
import type {
  CreateEquipmentInput,
  EquipmentFilter,
  EquipmentOrder,
  MeterReadingInput,
  UpdateEquipmentInput,
} from '../resolvers/equipment.input.js';
import { applyChanges, flushChecked, requireRecord, requireRecordAtVersion } from './records.js';

/** Lists units with filters; serial number ascending by default. */
export function listEquipment(
  scope: RequestScope,
  filter: EquipmentFilter = {},
  order: EquipmentOrder | undefined,
  args: ConnectionArgs,
): Promise<ConnectionPage<Equipment>> {
  const where: FilterQuery<Equipment>[] = [];
  if (filter.customerId != null)
    where.push({ customer: fromGlobalId(filter.customerId, 'filter.customerId', 'Customer').id });
  if (filter.siteId != null)
    where.push({ site: fromGlobalId(filter.siteId, 'filter.siteId', 'Site').id });
  if (filter.modelId != null)
    where.push({ model: fromGlobalId(filter.modelId, 'filter.modelId', 'EquipmentModel').id });
  if (filter.category) where.push({ model: { category: filter.category } });
  if (filter.status) where.push({ status: filter.status });
  if (filter.text) where.push({ serialNumber: containsText(scope, filter.text) });
  return findPage(
    scope,
    Equipment,
    { $and: where },
    { property: order?.field ?? 'serialNumber', direction: order?.direction ?? 'ASC' },
    args,
  );
}

/** Finds a unit by serial number or throws NOT_FOUND naming `serial`. */
export async function equipmentBySerial(scope: RequestScope, serial: string): Promise<Equipment> {
  const equipment = await scope.em.findOne(Equipment, { serialNumber: serial });
  if (!equipment) throw notFound('Equipment', 'serial', serial);
  return equipment;
}

export async function createEquipment(
  scope: RequestScope,
  input: CreateEquipmentInput,
): Promise<Equipment> {
  const model = await requireRecord(scope, EquipmentModel, input.modelId, 'input.modelId');
  const customer = await requireRecord(scope, Customer, input.customerId, 'input.customerId');
  const equipment = scope.em.create(Equipment, {
    serialNumber: input.serialNumber,
    model,
    customer,
    commissionedOn: input.commissionedOn ?? null,
    warrantyEndsOn: input.warrantyEndsOn ?? null,
    status: input.status ?? EquipmentStatus.IN_SERVICE,
    runningHours: toHours(input.runningHours),
    meterReadings: toMeterReadings(input.meterReadings),
  });
  await placeEquipment(scope, equipment, customer.id, input.siteId, input.parentId);
  checkDates(equipment);
  await flushChecked(scope, [
    {
      column: 'serial_number',
      field: 'input.serialNumber',
      message: `input.serialNumber "${input.serialNumber}" is already registered to another unit: check the serial number`,
    },
  ]);
  return equipment;
}

export async function updateEquipment(
  scope: RequestScope,
  input: UpdateEquipmentInput,
): Promise<Equipment> {
  const equipment = await requireRecordAtVersion(scope, Equipment, input);
  const { id: _id, version: _version, siteId, parentId, meterReadings, ...changes } = input;
  applyChanges(equipment, {
    ...changes,
    runningHours: changes.runningHours === undefined ? undefined : toHours(changes.runningHours),
  });
  if (meterReadings) equipment.meterReadings = toMeterReadings(meterReadings);
  await placeEquipment(scope, equipment, equipment.customer.id, siteId, parentId);
  checkDates(equipment);
  await flushChecked(scope, []);
  return equipment;
}

/** Sets site and parent unit, both of which must belong to the owner. `null` clears them. */
async function placeEquipment(
  scope: RequestScope,
  equipment: Equipment,
  customerId: string,
  siteId: string | null | undefined,
  parentId: string | null | undefined,
): Promise<void> {
  if (siteId === null) equipment.site = null;
  if (siteId) {
    const site = await requireRecord(scope, Site, siteId, 'input.siteId');
    if (site.customer.id !== customerId) {
      throw badUserInput(
        'input.siteId',
        `input.siteId "${siteId}" is a site of another customer: choose a site of the unit's owner`,
      );
    }
    equipment.site = scope.em.getReference(Site, site.id, { wrapped: true });
  }
  if (parentId === null) equipment.parent = null;
  if (parentId) {
    const parent = await requireRecord(scope, Equipment, parentId, 'input.parentId');
    await rejectParentCycle(scope, equipment, parent, parentId);
    if (parent.customer.id !== customerId) {
      throw badUserInput(
        'input.parentId',
        `input.parentId "${parentId}" is a unit of another customer: choose a unit of the same owner`,
      );
    }
    equipment.parent = scope.em.getReference(Equipment, parent.id, { wrapped: true });
  }
}

/** Rejects a parent that is the unit itself or one of its components, at any depth. */
async function rejectParentCycle(
  scope: RequestScope,
  equipment: Equipment,
  parent: Equipment,
  parentId: string,
) {
  let ancestor: Equipment | null = parent;
  // Assemblies are a few levels deep; the bound only stops a corrupt chain from looping forever.
  for (let depth = 0; ancestor && depth < 100; depth += 1) {
    if (ancestor.id === equipment.id) {
      throw badUserInput(
        'input.parentId',
        `input.parentId "${parentId}" is the unit itself or a part of it: a unit cannot contain itself`,
      );
    }
    ancestor = await loadReference(scope, Equipment, ancestor.parent);
  }
}

function checkDates(equipment: Equipment): void {
  if (
    equipment.commissionedOn &&
    equipment.warrantyEndsOn &&
    equipment.warrantyEndsOn < equipment.commissionedOn
  ) {
    throw badUserInput(
      'input.warrantyEndsOn',
      `input.warrantyEndsOn ${equipment.warrantyEndsOn} is before commissionedOn ${equipment.commissionedOn}: the warranty cannot end before the unit starts`,
    );
  }
}

// Normalised here, as the database would, so a created unit reads back exactly as it is stored.
function toHours(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : normalizeDecimal(value, 1);
}

function toMeterReadings(readings: MeterReadingInput[] | undefined): MeterReading[] {
  return (readings ?? []).map((reading) => ({
    name: reading.name,
    value: reading.value,
    unit: reading.unit ?? null,
    readAt: reading.readAt.toISOString(),
  }));
}
