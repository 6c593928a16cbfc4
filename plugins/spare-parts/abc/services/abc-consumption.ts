import { decimalFromStorage, type RequestScope } from '../../../../core/index.js';
import { MONEY_SCALE, QUANTITY_SCALE } from '../../entities/spare-parts.decimals.js';

/** Consumption of one catalogue part in a window, aggregated from the stock ledger. */
export interface PartConsumption {
  partId: string;
  partNumber: string;
  /** Catalogue unit cost, or null when unknown. */
  unitCost: string | null;
  critical: boolean;
  /** Issues minus returns in the window, never below 0, with three decimals. */
  issuedQuantity: string;
  /** Calendar months (UTC) of the window with at least one ISSUE movement. */
  issueMonths: number;
}

/** A half-open window `[start, end)`; an absent bound reads the ledger without that limit. */
export interface LedgerWindow {
  start: Date | null;
  end: Date | null;
}

/** Returns the SQL expression of a movement's calendar month in UTC, as `YYYY-MM`. */
function monthExpression(sqlite: boolean): string {
  // SQLite stores DateTime as milliseconds since the epoch; PostgreSQL as timestamptz.
  return sqlite
    ? "strftime('%Y-%m', m.occurred_at / 1000, 'unixepoch')"
    : "to_char(m.occurred_at at time zone 'UTC', 'YYYY-MM')";
}

function dateParameter(date: Date, sqlite: boolean): number | string {
  return sqlite ? date.getTime() : date.toISOString();
}

/**
 * Aggregates the consumption of every catalogue part in one SQL statement: a grouped query over
 * the ISSUE and RETURN movements in the window, left-joined to the parts, so parts without
 * movements come back with zero. Net issued quantity is issues minus returns (ISSUE quantities
 * are negative, RETURN quantities positive), and a part that got more back than it issued counts
 * as 0. Frequency counts months with an ISSUE, whatever was returned.
 */
export async function aggregatePartConsumption(
  scope: RequestScope,
  window: LedgerWindow,
): Promise<PartConsumption[]> {
  const sqlite = scope.isSqlite;
  // Without window bounds SQLite reads most of the ledger, and a scan was about three times as
  // fast as the (kind, occurred_at) index on the 33,000 imported movements. The unary + keeps
  // SQLite's planner off that index.
  const kind = sqlite && !window.start && !window.end ? '+m.kind' : 'm.kind';
  const conditions = [`${kind} in ('ISSUE', 'RETURN')`];
  const parameters: (number | string)[] = [];
  if (window.start) {
    conditions.push('m.occurred_at >= ?');
    parameters.push(dateParameter(window.start, sqlite));
  }
  if (window.end) {
    conditions.push('m.occurred_at < ?');
    parameters.push(dateParameter(window.end, sqlite));
  }
  const sql = `
    select p.id as part_id, p.part_number, p.unit_cost, p.critical,
           coalesce(c.net_issued, 0) as net_issued, coalesce(c.issue_months, 0) as issue_months
      from spare_parts_part p
      left join (
        select m.part_id,
               -sum(m.quantity) as net_issued,
               count(distinct case when m.kind = 'ISSUE' then ${monthExpression(sqlite)} end)
                 as issue_months
          from spare_parts_stock_movement m
         where ${conditions.join(' and ')}
         group by m.part_id
      ) c on c.part_id = p.id`;
  const rows = (await scope.em.getConnection().execute(sql, parameters)) as {
    part_id: string;
    part_number: string;
    unit_cost: string | number | null;
    critical: boolean | number;
    net_issued: string | number;
    issue_months: string | number;
  }[];

  return rows.map((row) => {
    const issued = decimalFromStorage(row.net_issued, QUANTITY_SCALE, sqlite);
    return {
      partId: row.part_id,
      partNumber: row.part_number,
      unitCost:
        row.unit_cost === null ? null : decimalFromStorage(row.unit_cost, MONEY_SCALE, sqlite),
      critical: Boolean(row.critical),
      issuedQuantity: issued.startsWith('-') ? (0).toFixed(QUANTITY_SCALE) : issued,
      issueMonths: Number(row.issue_months),
    };
  });
}

/**
 * Returns the months spanned by the ISSUE and RETURN movements of the whole ledger. The window
 * runs from the first instant of the first month to the first instant after the last month. Both
 * bounds are null when the ledger has no such movement.
 */
export async function ledgerMonthSpan(scope: RequestScope): Promise<LedgerWindow> {
  const [row] = (await scope.em
    .getConnection()
    .execute(
      "select min(m.occurred_at) as first_at, max(m.occurred_at) as last_at from spare_parts_stock_movement m where m.kind in ('ISSUE', 'RETURN')",
    )) as { first_at: string | number | Date | null; last_at: string | number | Date | null }[];
  if (row?.first_at === null || row?.first_at === undefined || row.last_at === null) {
    return { start: null, end: null };
  }
  const first = toDate(row.first_at);
  const last = toDate(row.last_at);
  return {
    start: new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)),
    end: new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1)),
  };
}

function toDate(value: string | number | Date): Date {
  if (value instanceof Date) return value;
  // SQLite returns milliseconds since the epoch, PostgreSQL drivers a Date or an ISO string.
  return new Date(typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : value);
}
