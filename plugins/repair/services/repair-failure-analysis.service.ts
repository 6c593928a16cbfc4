import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { RequestScope } from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairOrderStatus, RepairOrderType } from '../entities/repair-order.enums.js';
import { repairErrors } from '../errors.js';

/** Grouping of the failure analysis: by unit, by model or by a diagnosis tag. */
export enum FailureGroupBy {
  EQUIPMENT_MODEL = 'EQUIPMENT_MODEL',
  EQUIPMENT = 'EQUIPMENT',
  SYSTEM = 'SYSTEM',
  PART = 'PART',
  FAILURE_MODE = 'FAILURE_MODE',
}

/** Request of {@link analyseRepairFailures}. */
export interface FailureAnalysisRequest {
  groupBy: FailureGroupBy;
  /** Start of the period, inclusive, compared with `reportedAt`. */
  from: Date;
  /** End of the period, exclusive. */
  to: Date;
  /** Order types to count; all types when empty or missing. */
  orderTypes?: RepairOrderType[] | null;
}

/** Failure figures of one group, or of all orders together. */
export interface FailureFigures {
  failures: number;
  firstReportedAt: Date | null;
  lastReportedAt: Date | null;
  meanTimeBetweenFailuresHours: number | null;
  meanTimeToRepairHours: number | null;
}

/** One group: the key (null for orders without the tag) and its figures. */
export interface FailureAnalysisRow extends FailureFigures {
  key: string | null;
}

export interface FailureAnalysis {
  rows: FailureAnalysisRow[];
  totals: FailureFigures;
}

/** Aggregates of one unit within one group, as the grouped statement returns them. */
interface UnitAggregate {
  key: string | null;
  unit: string;
  failures: number;
  first: Date;
  last: Date;
  repaired: number;
  repairSeconds: number;
}

const KEY_COLUMNS: Record<FailureGroupBy, string> = {
  [FailureGroupBy.EQUIPMENT_MODEL]: 'm.model_code',
  [FailureGroupBy.EQUIPMENT]: 'e.serial_number',
  [FailureGroupBy.SYSTEM]: 'r.tag_system',
  [FailureGroupBy.PART]: 'r.tag_part',
  [FailureGroupBy.FAILURE_MODE]: 'r.tag_failure_mode',
};

const HOUR_SECONDS = 3600;

/**
 * Counts failures and computes MTBF and MTTR per group with one grouped SQL statement. The
 * statement groups by the key and the unit, so the figures per unit come from the database and
 * only the sums over the units of a group are done here.
 *
 * Definitions:
 * - A failure is a repair order reported in [from, to) of one of the order types, unless it was
 *   cancelled.
 * - MTBF of a group is the pooled mean over its units with at least two failures in the group.
 *   The hours from each such unit's first to its last failure are summed, and the sum is divided
 *   by the sum of (failures − 1) over the same units. It is null when no unit has two failures.
 * - MTTR is the mean, in hours, from `reportedAt` to the end of the repair, over orders that have
 *   one. The end is `completedAt` (the last time the order reached AWAITING_ACCEPTANCE), else
 *   `closedAt`. Imported history has neither, so its MTTR is null.
 *
 * The tenant filter applies, so a customer-bound principal counts only its customer's orders.
 */
export async function analyseRepairFailures(
  scope: RequestScope,
  request: FailureAnalysisRequest,
): Promise<FailureAnalysis> {
  if (request.to.getTime() < request.from.getTime())
    throw repairErrors.analysisPeriodReversed(request.from, request.to);
  const aggregates = await loadUnitAggregates(scope, request);

  const groups = new Map<string | null, UnitAggregate[]>();
  for (const aggregate of aggregates) {
    const group = groups.get(aggregate.key) ?? [];
    group.push(aggregate);
    groups.set(aggregate.key, group);
  }
  const rows = [...groups].map(([key, units]) => ({ key, ...combineUnits(units) }));
  rows.sort((a, b) => b.failures - a.failures || compareKeys(a.key, b.key));
  return { rows, totals: combineUnits(mergeByUnit(aggregates)) };
}

async function loadUnitAggregates(
  scope: RequestScope,
  request: FailureAnalysisRequest,
): Promise<UnitAggregate[]> {
  const em = scope.em as EntityManager;
  const key = KEY_COLUMNS[request.groupBy];
  const repairEnd = 'coalesce(r.completed_at, r.closed_at)';
  const repairSeconds = `${epochSeconds(scope, repairEnd)} - ${epochSeconds(scope, 'r.reported_at')}`;
  const orderTypes = request.orderTypes?.length ? request.orderTypes : undefined;

  const qb = em
    .createQueryBuilder(RepairOrder, 'r')
    .join('r.equipment', 'e')
    .select([
      raw(`${key} as group_key`),
      raw('e.id as unit'),
      raw('count(*) as failures'),
      raw('min(r.reported_at) as first_reported_at'),
      raw('max(r.reported_at) as last_reported_at'),
      raw(`count(${repairEnd}) as repaired`),
      raw(`sum(case when ${repairEnd} is null then null else ${repairSeconds} end) as repair_s`),
    ])
    .where({
      reportedAt: { $gte: request.from, $lt: request.to },
      status: { $ne: RepairOrderStatus.CANCELLED },
      ...(orderTypes ? { orderType: { $in: orderTypes } } : {}),
    })
    .groupBy([raw(key), raw('e.id')]);
  if (request.groupBy === FailureGroupBy.EQUIPMENT_MODEL) qb.join('e.model', 'm');
  await qb.applyFilters();

  const rows = await qb.execute<Record<string, unknown>[]>('all', false);
  return rows.map((row) => ({
    key: row.group_key === null ? null : String(row.group_key),
    unit: String(row.unit),
    failures: Number(row.failures),
    first: toDate(row.first_reported_at),
    last: toDate(row.last_reported_at),
    repaired: Number(row.repaired),
    repairSeconds: row.repair_s === null ? 0 : Number(row.repair_s),
  }));
}

/** Returns SQL for the seconds since 1970 of a datetime column. SQLite stores milliseconds. */
function epochSeconds(scope: RequestScope, column: string): string {
  return scope.isSqlite ? `(${column} / 1000.0)` : `extract(epoch from ${column})`;
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as number),
  );
}

/** Combines the rows of each unit across groups, for the totals over all orders. */
function mergeByUnit(aggregates: UnitAggregate[]): UnitAggregate[] {
  const units = new Map<string, UnitAggregate>();
  for (const aggregate of aggregates) {
    const known = units.get(aggregate.unit);
    if (!known) {
      units.set(aggregate.unit, { ...aggregate, key: null });
      continue;
    }
    known.failures += aggregate.failures;
    known.first = aggregate.first < known.first ? aggregate.first : known.first;
    known.last = aggregate.last > known.last ? aggregate.last : known.last;
    known.repaired += aggregate.repaired;
    known.repairSeconds += aggregate.repairSeconds;
  }
  return [...units.values()];
}

function combineUnits(units: UnitAggregate[]): FailureFigures {
  let failures = 0;
  let intervals = 0;
  let spanMs = 0;
  let repaired = 0;
  let repairSeconds = 0;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const unit of units) {
    failures += unit.failures;
    repaired += unit.repaired;
    repairSeconds += unit.repairSeconds;
    if (!first || unit.first < first) first = unit.first;
    if (!last || unit.last > last) last = unit.last;
    if (unit.failures >= 2) {
      intervals += unit.failures - 1;
      spanMs += unit.last.getTime() - unit.first.getTime();
    }
  }
  return {
    failures,
    firstReportedAt: first,
    lastReportedAt: last,
    meanTimeBetweenFailuresHours: intervals > 0 ? spanMs / 1000 / HOUR_SECONDS / intervals : null,
    meanTimeToRepairHours: repaired > 0 ? repairSeconds / HOUR_SECONDS / repaired : null,
  };
}

/** Orders keys by text, with the untagged group (null) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}
