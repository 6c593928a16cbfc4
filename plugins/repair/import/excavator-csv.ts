import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** One valid maintenance work order from the excavator extract, with its keyword tags. */
export interface ExcavatorWorkOrderRow {
  /** 1-based physical line in the raw file where the record starts (the header is line 1). */
  line: number;
  /** Work-order start date (`BscStartDate`) as `YYYY-MM-DD`, unchanged from the source. */
  reportedOn: string;
  /** Anonymised excavator letter. */
  asset: 'A' | 'B' | 'C' | 'D' | 'E';
  /** Technician's short description as an RFC 4180 parser returns it, backslashes included. */
  shortText: string;
  /** SAP-style order type from the source, such as `PM01`. */
  sourceOrderType: string;
  /** Normalised order type, which is OTHER for codes other than PM01 and PM02. */
  orderType: 'CORRECTIVE_REPAIR' | 'PART_REPLACEMENT' | 'OTHER';
  /** Cost in AUD as an exact decimal string with two decimals, such as `407.40`. */
  cost: string;
  /** Tags from the cleaned file, with `NA` and empty values as null. */
  tags: {
    majorSystem: string | null;
    part: string | null;
    failureMode: string | null;
    action: string | null;
    location: string | null;
    functionalLocation: string | null;
  };
}

/** A raw record that failed validation, with every reason found. */
export interface RejectedRow {
  /** 1-based physical line in the raw file where the record starts. */
  line: number;
  /** Message that names the line, each invalid column and its value. */
  reason: string;
  /** Source text of the record without its line terminator. */
  raw: string;
}

/** Valid rows and rejected records, both in file order. */
export interface ExcavatorParseResult {
  rows: ExcavatorWorkOrderRow[];
  rejected: RejectedRow[];
}

/**
 * Absolute path of the folder that contains `excavators.csv` and `excavators-cleaned.csv`.
 * `npm run build` copies the folder next to the compiled code, so the path is valid in `dist` too.
 */
export const EXCAVATOR_DATA_DIR = fileURLToPath(new URL('../data/excavator-mwo', import.meta.url));

const RAW_COLUMNS = ['BscStartDate', 'Asset', 'OriginalShorttext', 'PMType', 'Cost'];
const TAG_COLUMNS = {
  majorSystem: 'MajorSystem',
  part: 'Part',
  failureMode: 'FM',
  action: 'Action',
  location: 'Location',
  functionalLocation: 'FuncLocation',
} as const;
const ASSETS = ['A', 'B', 'C', 'D', 'E'] as const;
const ORDER_TYPES: Record<string, ExcavatorWorkOrderRow['orderType']> = {
  PM01: 'CORRECTIVE_REPAIR',
  PM02: 'PART_REPLACEMENT',
};

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function readRecords(csv: string): CsvRecord[] {
  // The default options follow RFC 4180, so the quote is the only escape character.
  const records = parse(csv, { bom: true, info: true, raw: true, relax_column_count: true });
  return records as unknown as CsvRecord[];
}

/** Returns the line where a record starts, because csv-parse reports the line where it ends. */
function startLine({ raw, info }: CsvRecord): number {
  const body = raw.replace(/(\r\n|\r|\n)$/, '');
  return info.lines - (body.match(/\r\n|\r|\n/g)?.length ?? 0);
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  // A rolled-over date such as 2003-02-30 reads back as a different day.
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(value)
  );
}

/** Validates a raw record and returns its errors and the cost normalised to two decimals. */
function validateRawRecord(fields: string[]): { errors: string[]; cost: string } {
  if (fields.length !== RAW_COLUMNS.length) {
    return { errors: [`has ${fields.length} fields, expected ${RAW_COLUMNS.length}`], cost: '' };
  }
  const [date, asset, , orderType, cost] = fields;
  const errors: string[] = [];
  if (!isCalendarDate(date)) {
    errors.push(`BscStartDate ${JSON.stringify(date)} is not a calendar date as YYYY-MM-DD`);
  }
  if (!(ASSETS as readonly string[]).includes(asset)) {
    errors.push(`Asset ${JSON.stringify(asset)} is not one of ${ASSETS.join(', ')}`);
  }
  if (!/^PM\d{2}$/.test(orderType)) {
    errors.push(`PMType ${JSON.stringify(orderType)} is not an order type like PM01`);
  }

  // Six rows of the real extract have negative costs. They are kept: a negative cost is a credit
  // posted against the work order, and dropping it would change the unit's total.
  const amount = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cost);
  if (amount) {
    const fraction = (amount[3] ?? '').padEnd(2, '0');
    return { errors, cost: `${amount[1]}${BigInt(amount[2])}.${fraction}` };
  }
  if (/^-?\d+\.\d{3,}$/.test(cost)) {
    errors.push(`Cost ${JSON.stringify(cost)} has more than two decimal places`);
  } else {
    errors.push(`Cost ${JSON.stringify(cost)} is not a decimal amount`);
  }
  return { errors, cost: '' };
}

/** Compares a valid raw record with its cleaned counterpart and returns the differences. */
function compareCleanedRecord(fields: string[], cleaned: CsvRecord, columns: string[]): string[] {
  const where = `cleaned CSV line ${startLine(cleaned)}`;
  const errors: string[] = [];
  if (cleaned.record.length !== columns.length) {
    errors.push(`${where} has ${cleaned.record.length} fields, expected ${columns.length}`);
  }
  RAW_COLUMNS.forEach((name, i) => {
    const cleanedValue = JSON.stringify(cleaned.record[i] ?? '');
    if (cleaned.record[i] !== fields[i]) {
      errors.push(`${name} ${JSON.stringify(fields[i])} differs from ${cleanedValue} on ${where}`);
    }
  });
  return errors;
}

function toTag(value: string | undefined): string | null {
  return value === undefined || value === '' || value === 'NA' ? null : value;
}

/**
 * Parses the raw and the keyword-tagged excavator work-order extracts into validated rows.
 *
 * The cleaned file must contain the same records in the same order. Record N of each file is
 * paired, and a valid raw record whose first five cleaned columns differ is rejected, so no
 * row gets another row's tags. Invalid records are rejected with a reason and never repaired.
 *
 * @throws Error when a header lacks the expected columns or the files differ in record count.
 * @throws CsvError from csv-parse when the quoting is malformed, such as an unclosed quote.
 */
export function parseExcavatorWorkOrders(rawCsv: string, cleanedCsv: string): ExcavatorParseResult {
  const [rawHeader, ...rawRecords] = readRecords(rawCsv);
  const [cleanedHeader, ...cleanedRecords] = readRecords(cleanedCsv);
  const rawColumns = rawHeader?.record ?? [];
  if (rawColumns.join(',') !== RAW_COLUMNS.join(',')) {
    throw new Error(
      `Raw work-order CSV header must be ${RAW_COLUMNS.join(',')}, got ${rawColumns.join(',')}`,
    );
  }
  const cleanedColumns = cleanedHeader?.record ?? [];
  if (cleanedColumns.slice(0, RAW_COLUMNS.length).join(',') !== RAW_COLUMNS.join(',')) {
    throw new Error(`Cleaned work-order CSV header must start with ${RAW_COLUMNS.join(',')}`);
  }
  const missingTags = Object.values(TAG_COLUMNS).filter((name) => !cleanedColumns.includes(name));
  if (missingTags.length > 0) {
    throw new Error(`Cleaned work-order CSV header is missing columns: ${missingTags.join(', ')}`);
  }
  if (cleanedRecords.length !== rawRecords.length) {
    throw new Error(
      `Cleaned work-order CSV has ${cleanedRecords.length} records but the raw CSV has ` +
        `${rawRecords.length}. Rows are paired by position, so both files need the same records.`,
    );
  }

  const result: ExcavatorParseResult = { rows: [], rejected: [] };
  rawRecords.forEach((rawRecord, index) => {
    const line = startLine(rawRecord);
    const fields = rawRecord.record;
    const cleaned = cleanedRecords[index];
    const { errors, cost } = validateRawRecord(fields);
    if (errors.length === 0) errors.push(...compareCleanedRecord(fields, cleaned, cleanedColumns));
    if (errors.length > 0) {
      const raw = rawRecord.raw.replace(/(\r\n|\r|\n)$/, '');
      result.rejected.push({ line, reason: `line ${line}: ${errors.join('; ')}`, raw });
      return;
    }

    const tag = (name: string) => toTag(cleaned.record[cleanedColumns.indexOf(name)]);
    const [reportedOn, asset, shortText, sourceOrderType] = fields;
    result.rows.push({
      line,
      reportedOn,
      asset: asset as ExcavatorWorkOrderRow['asset'],
      shortText,
      sourceOrderType,
      orderType: ORDER_TYPES[sourceOrderType] ?? 'OTHER',
      cost,
      tags: {
        majorSystem: tag(TAG_COLUMNS.majorSystem),
        part: tag(TAG_COLUMNS.part),
        failureMode: tag(TAG_COLUMNS.failureMode),
        action: tag(TAG_COLUMNS.action),
        location: tag(TAG_COLUMNS.location),
        functionalLocation: tag(TAG_COLUMNS.functionalLocation),
      },
    });
  });
  return result;
}

/** Reads `excavators.csv` and `excavators-cleaned.csv` from `dir` and parses them. */
export async function readExcavatorWorkOrders(
  dir = EXCAVATOR_DATA_DIR,
): Promise<ExcavatorParseResult> {
  const [rawCsv, cleanedCsv] = await Promise.all([
    readFile(join(dir, 'excavators.csv'), 'utf8'),
    readFile(join(dir, 'excavators-cleaned.csv'), 'utf8'),
  ]);
  return parseExcavatorWorkOrders(rawCsv, cleanedCsv);
}
