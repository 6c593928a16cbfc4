import type { EntityManager } from '@mikro-orm/core';
import {
  Customer,
  CustomerKind,
  Equipment,
  EquipmentCategory,
  EquipmentModel,
  EquipmentStatus,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairOrderStatus, RepairOrderType } from '../entities/repair-order.enums.js';
import {
  readExcavatorWorkOrders,
  type ExcavatorWorkOrderRow,
  type RejectedRow,
} from './excavator-csv.js';

/** The made-up owner of the five excavators; the work orders themselves are real. */
export const EXCAVATOR_CUSTOMER_CODE = 'EXC-FLEET';
const SOURCE = 'excavator-mwo';
const SYNTHETIC_NOTE =
  'Made up to own the real excavator work orders (Hodkiewicz & Ho 2016, UWA System Health Lab, via NIST nestor). ' +
  'The company and the serial numbers are fictitious; the dates, texts, order types and costs are real.';

/** Outcome of one import run. */
export interface ExcavatorImportReport {
  /** Rows that became new repair orders in this run. */
  imported: number;
  /** Valid rows whose order already existed from an earlier run. */
  alreadyPresent: number;
  rejected: RejectedRow[];
}

/**
 * Imports the real excavator work orders as closed, historical repair orders of one made-up
 * customer and five excavators EXC-A to EXC-E. Idempotent: each row is keyed by its source line,
 * so a second run creates nothing. Runs in one transaction, so a failure leaves nothing half done.
 */
export async function importExcavatorHistory(
  scope: RequestScope,
  dataDir?: string,
): Promise<ExcavatorImportReport> {
  const { rows, rejected } = await readExcavatorWorkOrders(dataDir);
  for (const row of rejected)
    scope.logger.warn({ line: row.line, reason: row.reason }, 'excavator work order rejected');

  const imported = await scope.em.transactional(async (em) => {
    const customer = await ensureCustomer(em);
    const model = await ensureModel(em);
    const units = new Map<string, Equipment>();
    for (const asset of ['A', 'B', 'C', 'D', 'E'])
      units.set(asset, await ensureUnit(em, asset, customer, model));

    const known = new Set(
      (
        await em.find(
          RepairOrder,
          { externalRef: { $like: `${SOURCE}:%` } },
          { fields: ['externalRef'] },
        )
      ).map((order) => order.externalRef),
    );
    let created = 0;
    for (const row of rows) {
      if (known.has(externalRef(row))) continue;
      em.create(RepairOrder, toRepairOrder(row, units.get(row.asset)!, customer));
      created += 1;
    }
    await em.flush();
    return created;
  });

  return { imported, alreadyPresent: rows.length - imported, rejected };
}

function externalRef(row: ExcavatorWorkOrderRow): string {
  return `${SOURCE}:line-${row.line}`;
}

function toRepairOrder(row: ExcavatorWorkOrderRow, unit: Equipment, customer: Customer) {
  // The source has dates only; noon UTC keeps the date the same in every time zone from UTC-11 to UTC+11.
  const reportedAt = new Date(`${row.reportedOn}T12:00:00.000Z`);
  return {
    number: `MWO-${String(row.line).padStart(6, '0')}`,
    equipment: unit,
    customer,
    reportedAt,
    channel: null,
    faultDescription: row.shortText,
    orderType: RepairOrderType[row.orderType],
    sourceOrderType: row.sourceOrderType,
    costAmount: row.cost,
    costCurrency: 'AUD',
    status: RepairOrderStatus.CLOSED,
    tagSystem: row.tags.majorSystem,
    tagPart: row.tags.part,
    tagFailureMode: row.tags.failureMode,
    isHistorical: true,
    externalRef: externalRef(row),
    closedAt: null,
  };
}

async function ensureCustomer(em: EntityManager): Promise<Customer> {
  const existing = await em.findOne(Customer, { code: EXCAVATOR_CUSTOMER_CODE });
  if (existing) return existing;
  return em.create(Customer, {
    code: EXCAVATOR_CUSTOMER_CODE,
    name: 'Excavator fleet owner (synthetic)',
    kind: CustomerKind.OPERATOR,
    region: 'Western Australia',
    address: null,
    contacts: [],
    notes: SYNTHETIC_NOTE,
    isSynthetic: true,
  });
}

async function ensureModel(em: EntityManager): Promise<EquipmentModel> {
  const key = { manufacturer: 'Unknown (anonymised in the source)', modelCode: 'MINING-EXCAVATOR' };
  const existing = await em.findOne(EquipmentModel, key);
  if (existing) return existing;
  return em.create(EquipmentModel, {
    ...key,
    name: 'Hydraulic mining excavator',
    category: EquipmentCategory.EXCAVATOR,
    serviceManualRef: null,
    maintenanceItems: [],
  });
}

async function ensureUnit(
  em: EntityManager,
  asset: string,
  customer: Customer,
  model: EquipmentModel,
): Promise<Equipment> {
  const serialNumber = `EXC-${asset}`;
  const existing = await em.findOne(Equipment, { serialNumber });
  if (existing) return existing;
  return em.create(Equipment, {
    serialNumber,
    model,
    customer,
    site: null,
    parent: null,
    commissionedOn: null,
    warrantyEndsOn: null,
    status: EquipmentStatus.IN_SERVICE,
    runningHours: null,
    meterReadings: [],
    isSynthetic: true,
  });
}
