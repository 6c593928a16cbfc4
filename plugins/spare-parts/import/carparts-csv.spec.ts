import { describe, expect, it } from 'vitest';
import { parseCarpartsDemand, readCarpartsDemand } from './carparts-csv.js';

const HEADER = 'part_id,month,demand\n';

describe('parseCarpartsDemand', () => {
  it('reads rows with their line numbers', () => {
    const { rows, rejected } = parseCarpartsDemand(
      `${HEADER}00012345,1998-01,0\n00012345,1998-02,3\n00012345,1998-03,\n`,
    );
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { line: 2, partNumber: '00012345', month: '1998-01', demand: 0 },
      { line: 3, partNumber: '00012345', month: '1998-02', demand: 3 },
      { line: 4, partNumber: '00012345', month: '1998-03', demand: null },
    ]);
  });

  it('rejects invalid values with every reason', () => {
    const { rows, rejected } = parseCarpartsDemand(
      `${HEADER}P 1,1998-13,-2\nP-2,1998-01,1.5\nP-3,98-01,4\n`,
    );
    expect(rows).toEqual([]);
    expect(rejected.map((line) => line.line)).toEqual([2, 3, 4]);
    expect(rejected[0].reason).toContain('line 2:');
    expect(rejected[0].reason).toContain('part_id "P 1"');
    expect(rejected[0].reason).toContain('month "1998-13"');
    expect(rejected[0].reason).toContain('demand "-2"');
    expect(rejected[1].reason).toContain('demand "1.5"');
    expect(rejected[2].reason).toContain('month "98-01"');
  });

  it('rejects a wrong field count', () => {
    const { rejected } = parseCarpartsDemand(`${HEADER}P-1,1998-01\nP-1,1998-02,1,9\n`);
    expect(rejected).toEqual([
      { line: 2, reason: 'line 2: has 2 fields, expected 3 (part_id,month,demand)' },
      { line: 3, reason: 'line 3: has 4 fields, expected 3 (part_id,month,demand)' },
    ]);
  });

  it('rejects a repeated part and month', () => {
    const { rows, rejected } = parseCarpartsDemand(`${HEADER}P-1,1998-01,1\nP-1,1998-01,2\n`);
    expect(rows).toHaveLength(1);
    expect(rejected).toEqual([
      { line: 3, reason: 'line 3: part P-1 already has a row for 1998-01' },
    ]);
  });

  it('reports the start line of a multi-line record', () => {
    const { rejected } = parseCarpartsDemand(`${HEADER}"P\n1",1998-01,1\nP-2,1998-01,1\n`);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].line).toBe(2);
  });

  it('raises on a wrong header', () => {
    expect(() => parseCarpartsDemand('part,month,qty\nP-1,1998-01,1\n')).toThrow(
      /header must be part_id,month,demand/,
    );
  });

  it('reads the shipped file completely', async () => {
    const { rows, rejected } = await readCarpartsDemand();
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(136_374);
    expect(new Set(rows.map((row) => row.partNumber)).size).toBe(2674);
    expect(new Set(rows.map((row) => row.month)).size).toBe(51);
    expect(rows.filter((row) => row.demand === null)).toHaveLength(6122);
    expect(rows.filter((row) => row.demand !== null && row.demand > 0)).toHaveLength(32_854);
    expect(rows.reduce((sum, row) => sum + (row.demand ?? 0), 0)).toBe(66_194);
  });
});
