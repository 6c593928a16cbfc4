import type { EntityManager } from '@mikro-orm/core';
import type { RequestScope } from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { StockMovementKind } from '../entities/spare-parts.enums.js';
import { StockMovement } from '../entities/stock-movement.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import {
  readCarpartsDemand,
  type CarpartsDemandRow,
  type RejectedDemandLine,
} from './carparts-csv.js';

/** Code of the warehouse that the import writes the demand history into. */
export const CARPARTS_WAREHOUSE_CODE = 'IMPORT-CARPARTS';
const WAREHOUSE_NAME = 'Car parts demand history (import)';
const NOTE_PREFIX = 'carparts demand';
// Rows per IN list when looking up part numbers, well below SQLite's bound of 32,766 parameters.
const LOOKUP_CHUNK = 5000;

/** Outcome of one import run. */
export interface CarpartsImportReport {
  /** Parts created in this run, each with a neutral name and no unit cost. */
  partsCreated: number;
  /** Part numbers of the file that were already in the catalogue. */
  partsExisting: number;
  /** ISSUE movements created in this run, one per part and month with demand. */
  movementsCreated: number;
  /** Months with demand whose movement an earlier run created. */
  movementsExisting: number;
  /**
   * ADJUSTMENT movements created in this run, one per part with demand, that put the part's
   * total imported demand into the warehouse before its first issue, so on hand never drops
   * below zero and ends at zero.
   */
  openingBalancesCreated: number;
  /** Rows with zero demand, which create no movement. */
  zeroDemandRows: number;
  /** Rows with an empty demand (a missing value in the source), which create no movement. */
  missingDemandRows: number;
  rejected: RejectedDemandLine[];
}

/** Returns the note that identifies the movement of a row, which makes a second run skip it. */
function movementNote(row: CarpartsDemandRow): string {
  return `${NOTE_PREFIX}: part ${row.partNumber}, month ${row.month}`;
}

/** Returns the first instant of the row's month in UTC, the time of its ISSUE movement. */
function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00.000Z`);
}

/**
 * Imports the monthly car-parts demand history as ISSUE movements in the warehouse
 * `IMPORT-CARPARTS`.
 *
 * A part number not yet in the catalogue becomes a part named "Part <number>" with no unit cost
 * and `importedWithoutCost` set. Each month with demand becomes one ISSUE of minus that many
 * units at 00:00 UTC on the 1st of the month. Months with zero or missing demand create nothing.
 * Each part with demand also gets one opening-balance ADJUSTMENT (see {@link openingBalances}).
 * Each movement carries a note with its part and month, so a second run skips what exists.
 * Everything runs in one transaction with batched inserts, so a failure leaves nothing half done.
 */
export async function importCarpartsDemand(
  scope: RequestScope,
  file?: string,
): Promise<CarpartsImportReport> {
  const { rows, rejected } = await readCarpartsDemand(file);
  for (const line of rejected) {
    scope.logger.warn({ line: line.line, reason: line.reason }, 'car parts demand line rejected');
  }
  const demandRows = rows.filter((row) => row.demand !== null && row.demand > 0);

  const counts = await scope.em.transactional(async (em) => {
    const warehouse = await ensureWarehouse(em);
    const { parts, created: partsCreated } = await ensureParts(em, rows);
    const existingNotes = await importedNotes(em, warehouse);

    const movements = openingBalances(em, demandRows, parts, warehouse, existingNotes, scope);
    const openingBalancesCreated = movements.length;
    for (const row of demandRows) {
      const note = movementNote(row);
      if (existingNotes.has(note)) continue;
      const movement = em.create(
        StockMovement,
        {
          part: parts.get(row.partNumber)!,
          warehouse,
          kind: StockMovementKind.ISSUE,
          quantity: String(-row.demand!),
          unitCost: null,
          occurredAt: monthStart(row.month),
          note,
          recordedBy: scope.principal.name,
        },
        { persist: false },
      );
      movements.push(movement);
    }
    // insertMany writes entities in batches of the ORM's batchSize (300 rows a statement).
    if (movements.length > 0) await em.insertMany(movements);
    return {
      partsCreated,
      partsTotal: parts.size,
      openingBalancesCreated,
      movementsCreated: movements.length - openingBalancesCreated,
    };
  });

  return {
    partsCreated: counts.partsCreated,
    partsExisting: counts.partsTotal - counts.partsCreated,
    movementsCreated: counts.movementsCreated,
    movementsExisting: demandRows.length - counts.movementsCreated,
    openingBalancesCreated: counts.openingBalancesCreated,
    zeroDemandRows: rows.filter((row) => row.demand === 0).length,
    missingDemandRows: rows.filter((row) => row.demand === null).length,
    rejected,
  };
}

/**
 * Builds an opening-balance ADJUSTMENT for each part with demand that has none yet: the part's
 * total demand in the file, dated the day before the file's first month. The source records
 * sales only, so without it the issues would leave on hand negative.
 */
function openingBalances(
  em: EntityManager,
  demandRows: CarpartsDemandRow[],
  parts: Map<string, Part>,
  warehouse: Warehouse,
  existingNotes: Set<string>,
  scope: RequestScope,
): StockMovement[] {
  if (demandRows.length === 0) return [];
  const firstMonth = demandRows.reduce(
    (first, row) => (row.month < first ? row.month : first),
    demandRows[0].month,
  );
  const occurredAt = new Date(monthStart(firstMonth).getTime() - 86_400_000);
  const totals = new Map<string, number>();
  for (const row of demandRows) {
    totals.set(row.partNumber, (totals.get(row.partNumber) ?? 0) + row.demand!);
  }
  const balances: StockMovement[] = [];
  for (const [partNumber, total] of totals) {
    const note = `${NOTE_PREFIX}: opening balance of part ${partNumber}`;
    if (existingNotes.has(note)) continue;
    const movement = em.create(
      StockMovement,
      {
        part: parts.get(partNumber)!,
        warehouse,
        kind: StockMovementKind.ADJUSTMENT,
        quantity: String(total),
        unitCost: null,
        occurredAt,
        note,
        recordedBy: scope.principal.name,
      },
      { persist: false },
    );
    balances.push(movement);
  }
  return balances;
}

async function ensureWarehouse(em: EntityManager): Promise<Warehouse> {
  const existing = await em.findOne(Warehouse, { code: CARPARTS_WAREHOUSE_CODE });
  if (existing) return existing;
  const warehouse = em.create(Warehouse, { code: CARPARTS_WAREHOUSE_CODE, name: WAREHOUSE_NAME });
  await em.flush();
  return warehouse;
}

/** Finds or creates a part for every part number of the rows; returns them by part number. */
async function ensureParts(
  em: EntityManager,
  rows: CarpartsDemandRow[],
): Promise<{ parts: Map<string, Part>; created: number }> {
  const numbers = [...new Set(rows.map((row) => row.partNumber))];
  const parts = new Map<string, Part>();
  for (let start = 0; start < numbers.length; start += LOOKUP_CHUNK) {
    const found = await em.find(Part, {
      partNumber: { $in: numbers.slice(start, start + LOOKUP_CHUNK) },
    });
    for (const part of found) parts.set(part.partNumber, part);
  }

  const created: Part[] = [];
  for (const partNumber of numbers) {
    if (parts.has(partNumber)) continue;
    const part = em.create(
      Part,
      { partNumber, name: `Part ${partNumber}`, unitCost: null, importedWithoutCost: true },
      { persist: false },
    );
    parts.set(partNumber, part);
    created.push(part);
  }
  // insertMany cannot take an empty list.
  if (created.length > 0) await em.insertMany(created);
  return { parts, created: created.length };
}

/** Returns the notes of the movements that earlier runs imported into the warehouse. */
async function importedNotes(em: EntityManager, warehouse: Warehouse): Promise<Set<string>> {
  const rows = (await em
    .getConnection()
    .execute(
      'select note from spare_parts_stock_movement where warehouse_id = ? and note like ?',
      [warehouse.id, `${NOTE_PREFIX}:%`],
      'all',
      em.getTransactionContext(),
    )) as { note: string }[];
  return new Set(rows.map((row) => row.note));
}
