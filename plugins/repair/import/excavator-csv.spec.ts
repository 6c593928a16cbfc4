import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXCAVATOR_DATA_DIR,
  parseExcavatorWorkOrders,
  readExcavatorWorkOrders,
} from './excavator-csv.js';

const RAW_HEADER = 'BscStartDate,Asset,OriginalShorttext,PMType,Cost';
const CLEANED_HEADER =
  RAW_HEADER +
  ',RunningTime,MajorSystem,Part,Action,Variant,FM,Location,Comments,FuncLocation,SuspSugg,Rule';

// Line 3454 lost the apostrophe of "won't" to a comma, which shifted its PMType and Cost.
const REJECTED_LINES = [3454];
const REJECTED_PER_ASSET: Record<string, number> = { A: 0, B: 1, C: 0, D: 0, E: 0 };
const SOURCE_ROWS_PER_ASSET: Record<string, number> = { D: 2374, B: 1017, C: 992, E: 951, A: 151 };

/** Converts a plain decimal string such as '407.4' or '-25.76' to integer cents. */
function toCents(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

/** Splits the raw file by line, which works because no record spans lines. */
function readRawLines(): { line: number; fields: string[] }[] {
  const text = readFileSync(join(EXCAVATOR_DATA_DIR, 'excavators.csv'), 'utf8');
  return text
    .split('\n')
    .map((content, index) => ({ line: index + 1, fields: content.split(',') }))
    .filter(({ line, fields }) => line > 1 && fields.join('') !== '');
}

/** Builds matching raw and cleaned CSV texts from raw data lines. */
function buildFiles(rawLines: string[], cleanedLines = rawLines.map(tagAsNotAvailable)) {
  return {
    raw: [RAW_HEADER, ...rawLines].join('\n') + '\n',
    cleaned: [CLEANED_HEADER, ...cleanedLines].join('\n') + '\n',
  };
}

function tagAsNotAvailable(rawLine: string): string {
  return `${rawLine},NA,NA,NA,NA,NA,NA,NA,NA,NA,0,Rule_1`;
}

const result = await readExcavatorWorkOrders();
const rawLines = readRawLines();
const keptLines = rawLines.filter(({ line }) => !REJECTED_LINES.includes(line));

describe('readExcavatorWorkOrders on the real extract', () => {
  it('keeps every valid row', () => {
    expect(rawLines).toHaveLength(5485);
    expect(result.rows).toHaveLength(5485 - REJECTED_LINES.length);
    expect(result.rows.map((row) => row.line)).toEqual(keptLines.map(({ line }) => line));
  });

  it('rejects only the shifted row', () => {
    expect(result.rejected.map((row) => row.line)).toEqual(REJECTED_LINES);
    for (const rejected of result.rejected) {
      expect(rejected.reason).toMatch(new RegExp(`^line ${rejected.line}: `));
    }
  });

  it('explains the shifted row at line 3454', () => {
    const shifted = result.rejected.find((row) => row.line === 3454);
    expect(shifted?.raw).toBe('2003-12-31,B,won,t swing,PM01');
    expect(shifted?.reason).toBe(
      'line 3454: PMType "t swing" is not an order type like PM01; ' +
        'Cost "PM01" is not a decimal amount',
    );
  });

  it('keeps negative costs as credits', () => {
    const credit = result.rows.find((row) => row.line === 951);
    expect(credit?.cost).toBe('-339.81');
    expect(credit?.asset).toBe('B');
    expect(result.rows.filter((row) => row.cost.startsWith('-'))).toHaveLength(6);
  });

  it('counts rows per asset', () => {
    for (const asset of ['A', 'B', 'C', 'D', 'E']) {
      const parsed = result.rows.filter((row) => row.asset === asset).length;
      const expected = keptLines.filter(({ fields }) => fields[1] === asset).length;
      expect(parsed, `asset ${asset}`).toBe(expected);
      expect(parsed, `asset ${asset}`).toBe(
        SOURCE_ROWS_PER_ASSET[asset] - REJECTED_PER_ASSET[asset],
      );
    }
  });

  it('sums costs per asset to the cent', () => {
    for (const asset of ['A', 'B', 'C', 'D', 'E']) {
      const parsed = result.rows
        .filter((row) => row.asset === asset)
        .reduce((sum, row) => sum + Number(row.cost.replace('.', '')), 0);
      const expected = keptLines
        .filter(({ fields }) => fields[1] === asset)
        .reduce((sum, { fields }) => sum + toCents(fields[fields.length - 1]), 0);
      expect(parsed, `asset ${asset}`).toBe(expected);
    }
  });

  it('formats costs with two decimals', () => {
    const costOnLine = (line: number) => result.rows.find((row) => row.line === line)?.cost;
    expect(costOnLine(2)).toBe('183.05');
    expect(costOnLine(3)).toBe('407.40');
    expect(costOnLine(4)).toBe('0.00');
    expect(costOnLine(4037)).toBe('1026684.20');
    for (const row of result.rows) expect(row.cost).toMatch(/^-?\d+\.\d{2}$/);
  });

  it('keeps backslash-escaped quotes in text', () => {
    const textOnLine = (line: number) => result.rows.find((row) => row.line === line)?.shortText;
    expect(textOnLine(3101)).toBe('Lube fault \\A\\" line pressure too low"');
    expect(textOnLine(5192)).toBe('Repair two-way in SHD24 \\static\\""');
  });

  it('maps order types', () => {
    const countOf = (orderType: string) =>
      result.rows.filter((row) => row.orderType === orderType).length;
    const sourceCountOf = (code: string) =>
      result.rows.filter((row) => row.sourceOrderType === code).length;
    expect(countOf('CORRECTIVE_REPAIR')).toBe(sourceCountOf('PM01'));
    expect(countOf('CORRECTIVE_REPAIR')).toBe(5216);
    expect(countOf('PART_REPLACEMENT')).toBe(sourceCountOf('PM02'));
    expect(countOf('PART_REPLACEMENT')).toBe(153);
    expect(countOf('OTHER')).toBe(98 + 7 + 6 + 4);
  });

  it('turns NA tags into null', () => {
    const first = result.rows.find((row) => row.line === 2);
    expect(first?.tags).toEqual({
      majorSystem: 'Bucket',
      part: null,
      failureMode: null,
      action: null,
      location: null,
      functionalLocation: 'BUCKET',
    });
    const second = result.rows.find((row) => row.line === 3);
    expect(second?.tags).toEqual({
      majorSystem: 'Bucket_Hydraulic Cylinders',
      part: 'Cylinder_Tilt',
      failureMode: 'Leak',
      action: null,
      location: 'Left',
      functionalLocation: 'CYLINDER BOOM',
    });
    const tagValues = result.rows.flatMap((row) => Object.values(row.tags));
    expect(tagValues).not.toContain('NA');
    expect(tagValues).not.toContain('');
  });
});

describe('parseExcavatorWorkOrders', () => {
  it('accepts a valid row', () => {
    const files = buildFiles(['2004-02-29,E,"say ""hi"", then go",PM13,12.5']);
    const { rows, rejected } = parseExcavatorWorkOrders(files.raw, files.cleaned);
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        reportedOn: '2004-02-29',
        asset: 'E',
        shortText: 'say "hi", then go',
        sourceOrderType: 'PM13',
        orderType: 'OTHER',
        cost: '12.50',
        tags: {
          majorSystem: null,
          part: null,
          failureMode: null,
          action: null,
          location: null,
          functionalLocation: null,
        },
      },
    ]);
  });

  it.each([
    ['2003-02-30,A,x,PM01,1', 'BscStartDate "2003-02-30" is not a calendar date as YYYY-MM-DD'],
    ['31/12/2003,A,x,PM01,1', 'BscStartDate "31/12/2003" is not a calendar date as YYYY-MM-DD'],
    ['2003-12-31,F,x,PM01,1', 'Asset "F" is not one of A, B, C, D, E'],
    ['2003-12-31,A,x,PM1,1', 'PMType "PM1" is not an order type like PM01'],
    ['2003-12-31,A,x,PM01,1.005', 'Cost "1.005" has more than two decimal places'],
    ['2003-12-31,A,x,PM01,', 'Cost "" is not a decimal amount'],
    ['2003-12-31,A,x,PM01,1e3', 'Cost "1e3" is not a decimal amount'],
    ['2003-12-31,A,x,y,PM01,1', 'has 6 fields, expected 5'],
  ])('rejects %s', (rawLine, reason) => {
    const files = buildFiles(['2003-12-30,A,ok,PM02,3', rawLine]);
    const { rows, rejected } = parseExcavatorWorkOrders(files.raw, files.cleaned);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(rejected).toEqual([{ line: 3, reason: `line 3: ${reason}`, raw: rawLine }]);
  });

  it('rejects a mismatched cleaned row', () => {
    const rawLines = ['2003-12-30,A,ok,PM01,3', '2003-12-31,B,leak,PM01,4.5'];
    const cleanedLines = [rawLines[0], '2003-12-31,B,leak,PM01,4.6'].map(tagAsNotAvailable);
    const files = buildFiles(rawLines, cleanedLines);
    const { rows, rejected } = parseExcavatorWorkOrders(files.raw, files.cleaned);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(rejected).toEqual([
      {
        line: 3,
        reason: 'line 3: Cost "4.5" differs from "4.6" on cleaned CSV line 3',
        raw: rawLines[1],
      },
    ]);
  });

  it('rejects a short cleaned row', () => {
    const rawLine = '2003-12-31,B,leak,PM01,4.5';
    const files = buildFiles([rawLine], [`${rawLine},NA,Engine`]);
    const { rejected } = parseExcavatorWorkOrders(files.raw, files.cleaned);
    expect(rejected.map((row) => row.reason)).toEqual([
      'line 2: cleaned CSV line 2 has 7 fields, expected 16',
    ]);
  });

  it('reports the start line of a multiline record', () => {
    const files = buildFiles(['2003-12-30,A,"two\nlines",PM01,3', '2003-12-31,A,x,PM01,1.234']);
    const { rows, rejected } = parseExcavatorWorkOrders(files.raw, files.cleaned);
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(rows[0]?.shortText).toBe('two\nlines');
    expect(rejected.map((row) => row.line)).toEqual([4]);
  });

  it('throws on a wrong raw header', () => {
    const files = buildFiles(['2003-12-31,B,leak,PM01,4.5']);
    const raw = files.raw.replace('Cost', 'Amount');
    expect(() => parseExcavatorWorkOrders(raw, files.cleaned)).toThrow(/header must be/);
  });

  it('throws on missing tag columns', () => {
    const files = buildFiles(['2003-12-31,B,leak,PM01,4.5']);
    const cleaned = files.cleaned.replace(',FM,', ',FailureMode,');
    expect(() => parseExcavatorWorkOrders(files.raw, cleaned)).toThrow(/missing columns: FM/);
  });

  it('throws on different record counts', () => {
    const files = buildFiles(['2003-12-31,B,leak,PM01,4.5'], []);
    expect(() => parseExcavatorWorkOrders(files.raw, files.cleaned)).toThrow(
      /has 0 records but the raw CSV has 1/,
    );
  });
});
