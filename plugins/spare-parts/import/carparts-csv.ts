import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** One month of demand of one part, as the source file states it. */
export interface CarpartsDemandRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** Part number from `part_id`, kept as text so that leading zeros survive. */
  partNumber: string;
  /** Month from `month`, as `YYYY-MM`. */
  month: string;
  /** Units sold in the month, or null where the source has no value (NA). */
  demand: number | null;
}

/** A line that failed validation. */
export interface RejectedDemandLine {
  line: number;
  /** Message that names the line, each invalid column and its value. */
  reason: string;
}

/** Valid rows and rejected lines, both in file order. */
export interface CarpartsParseResult {
  rows: CarpartsDemandRow[];
  rejected: RejectedDemandLine[];
}

/** Absolute path of the monthly demand file. `npm run build` copies it next to the compiled code. */
export const CARPARTS_DEMAND_FILE = fileURLToPath(
  new URL('../data/carparts/carparts_monthly_demand_long.csv', import.meta.url),
);

const COLUMNS = ['part_id', 'month', 'demand'];
// Part numbers fit the catalogue column (64 characters) and contain no spaces or separators.
const PART_NUMBER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
// Whole units; a demand above a million units a month is taken for a corrupt value.
const DEMAND = /^\d{1,6}$/;

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Returns the line where a record starts, because csv-parse reports the line where it ends. */
function startLine({ raw, info }: CsvRecord): number {
  const body = raw.replace(/(\r\n|\r|\n)$/, '');
  return info.lines - (body.match(/\r\n|\r|\n/g)?.length ?? 0);
}

function validate(fields: string[], seen: Set<string>): string[] {
  if (fields.length !== COLUMNS.length) {
    return [`has ${fields.length} fields, expected ${COLUMNS.length} (${COLUMNS.join(',')})`];
  }
  const [partNumber, month, demand] = fields;
  const errors: string[] = [];
  if (!PART_NUMBER.test(partNumber)) {
    errors.push(
      `part_id ${JSON.stringify(partNumber)} is not a part number of 1 to 64 letters, digits, ".", "_" or "-"`,
    );
  }
  if (!MONTH.test(month)) {
    errors.push(`month ${JSON.stringify(month)} is not a month as YYYY-MM`);
  }
  if (demand !== '' && !DEMAND.test(demand)) {
    errors.push(
      `demand ${JSON.stringify(demand)} is not a whole number of units from 0 to 999999, or empty for a missing value`,
    );
  }
  const key = `${partNumber}\u0000${month}`;
  if (errors.length === 0 && seen.has(key)) {
    errors.push(`part ${partNumber} already has a row for ${month}`);
  }
  return errors;
}

/**
 * Parses the monthly demand file (`part_id,month,demand`, one row per part and month) into
 * validated rows. An empty demand is a missing value and stays null. A line with a wrong field
 * count, an invalid value or a repeated part and month is rejected with every reason, and
 * never repaired.
 *
 * @throws Error when the header is not `part_id,month,demand`.
 * @throws CsvError from csv-parse when the quoting is malformed.
 */
export function parseCarpartsDemand(csv: string): CarpartsParseResult {
  const records = parse(csv, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as CsvRecord[];
  const [header, ...body] = records;
  const columns = header?.record ?? [];
  if (columns.join(',') !== COLUMNS.join(',')) {
    throw new Error(
      `Demand CSV header must be ${COLUMNS.join(',')}, got ${JSON.stringify(columns.join(','))}`,
    );
  }

  const result: CarpartsParseResult = { rows: [], rejected: [] };
  const seen = new Set<string>();
  for (const csvRecord of body) {
    const record = csvRecord.record;
    const line = startLine(csvRecord);
    const errors = validate(record, seen);
    if (errors.length > 0) {
      result.rejected.push({ line, reason: `line ${line}: ${errors.join('; ')}` });
      continue;
    }
    const [partNumber, month, demand] = record;
    seen.add(`${partNumber}\u0000${month}`);
    result.rows.push({ line, partNumber, month, demand: demand === '' ? null : Number(demand) });
  }
  return result;
}

/** Reads and parses the monthly demand file. */
export async function readCarpartsDemand(
  file = CARPARTS_DEMAND_FILE,
): Promise<CarpartsParseResult> {
  return parseCarpartsDemand(await readFile(file, 'utf8'));
}
