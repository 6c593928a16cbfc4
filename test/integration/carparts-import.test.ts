import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalFromStorage } from '../../core/database/decimal.type.js';
import { StockMovement } from '../../plugins/spare-parts/index.js';
import { CARPARTS_DEMAND_FILE } from '../../plugins/spare-parts/import/carparts-csv.js';
import {
  CARPARTS_WAREHOUSE_CODE,
  importCarpartsDemand,
} from '../../plugins/spare-parts/import/carparts-import.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

/** Demand per part and the months with demand, read from the CSV with plain string splitting. */
function readSourceDemand(): Map<string, { total: number; months: number }> {
  const demand = new Map<string, { total: number; months: number }>();
  const lines = readFileSync(CARPARTS_DEMAND_FILE, 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [partNumber, , units] = line.split(',');
    const entry = demand.get(partNumber) ?? { total: 0, months: 0 };
    const value = units === '' ? 0 : Number(units);
    entry.total += value;
    if (value > 0) entry.months += 1;
    demand.set(partNumber, entry);
  }
  return demand;
}

describe.skipIf(!databaseAvailable)('car parts demand import', () => {
  let service: TestService;
  const source = readSourceDemand();

  async function query<T>(sql: string): Promise<T[]> {
    return service.runtime.runAsSystem(
      async (scope) => (await scope.em.getConnection().execute(sql)) as T[],
    );
  }

  async function ledgerFingerprint() {
    return query<{ movements: number | string; parts: number | string; changed: unknown }>(
      `select (select count(*) from spare_parts_stock_movement) as movements,
              (select count(*) from spare_parts_part) as parts,
              (select max(updated_at) from spare_parts_part) as changed`,
    );
  }

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('imports every part and month with demand', async () => {
    const started = Date.now();
    const report = await service.runtime.runAsSystem((scope) => importCarpartsDemand(scope));
    const elapsed = Date.now() - started;
    expect(report.rejected).toEqual([]);
    expect(report.partsCreated).toBe(2674);
    expect(report.partsExisting).toBe(0);
    expect(report.movementsCreated).toBe(32_854);
    expect(report.movementsExisting).toBe(0);
    expect(report.openingBalancesCreated).toBe(2674);
    expect(report.zeroDemandRows).toBe(97_398);
    expect(report.missingDemandRows).toBe(6122);
    // A bound far above the few seconds measured, to catch a regression to per-row inserts.
    expect(elapsed).toBeLessThan(30_000);
  });

  it('matches the source demand per part', async () => {
    const sqlite = service.runtime.config.database.kind === 'sqlite';
    const rows = await query<{ part_number: string; issued: unknown; months: number | string }>(
      `select p.part_number, -sum(m.quantity) as issued, count(*) as months
         from spare_parts_stock_movement m join spare_parts_part p on p.id = m.part_id
        where m.kind = 'ISSUE' group by p.part_number`,
    );
    expect(rows).toHaveLength(source.size);
    for (const row of rows) {
      const expected = source.get(row.part_number)!;
      expect(decimalFromStorage(row.issued, 3, sqlite), row.part_number).toBe(
        `${expected.total}.000`,
      );
      expect(Number(row.months), row.part_number).toBe(expected.months);
    }
  });

  it('dates issues on the 1st of their month at 00:00 UTC', async () => {
    const movements = await service.runtime.runAsSystem((scope) =>
      scope.em.find(
        StockMovement,
        { part: { partNumber: '21029627' } },
        { orderBy: { occurredAt: 'ASC' }, populate: ['warehouse'] },
      ),
    );
    const source21029627 = readFileSync(CARPARTS_DEMAND_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('21029627,'))
      .map((line) => line.split(','))
      .filter(([, , units]) => units !== '' && Number(units) > 0);
    const issues = movements.filter((movement) => movement.kind === 'ISSUE');
    expect(issues.map((movement) => movement.occurredAt.toISOString())).toEqual(
      source21029627.map(([, month]) => `${month}-01T00:00:00.000Z`),
    );
    expect(issues.map((movement) => movement.quantity)).toEqual(
      source21029627.map(([, , units]) => `-${units}.000`),
    );
    for (const movement of movements) {
      expect(movement.warehouse.getEntity().code).toBe(CARPARTS_WAREHOUSE_CODE);
    }
  });

  it('creates parts with neutral names and no cost', async () => {
    const rows = await query<{
      part_number: string;
      name: string;
      unit_cost: unknown;
      imported_without_cost: unknown;
    }>(`select part_number, name, unit_cost, imported_without_cost from spare_parts_part`);
    expect(rows).toHaveLength(2674);
    for (const row of rows) {
      expect(row.name).toBe(`Part ${row.part_number}`);
      expect(row.unit_cost).toBeNull();
      expect(Boolean(row.imported_without_cost)).toBe(true);
    }
  });

  it('leaves every imported part at zero on hand', async () => {
    const rows = await query<{ negative: number | string; nonzero: number | string }>(
      `select sum(case when on_hand < 0 then 1 else 0 end) as negative,
              sum(case when on_hand <> 0 then 1 else 0 end) as nonzero
         from (select part_id, sum(quantity) as on_hand
                 from spare_parts_stock_movement group by part_id) balances`,
    );
    expect(Number(rows[0].negative)).toBe(0);
    expect(Number(rows[0].nonzero)).toBe(0);
  });

  it('changes nothing on a second run', async () => {
    const before = await ledgerFingerprint();
    const report = await service.runtime.runAsSystem((scope) => importCarpartsDemand(scope));
    expect(report.partsCreated).toBe(0);
    expect(report.partsExisting).toBe(2674);
    expect(report.movementsCreated).toBe(0);
    expect(report.movementsExisting).toBe(32_854);
    expect(report.openingBalancesCreated).toBe(0);
    expect(report.rejected).toEqual([]);
    expect(await ledgerFingerprint()).toEqual(before);
  });

  it('reports rejected lines by line number', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'carparts-'));
    const file = join(folder, 'demand.csv');
    writeFileSync(
      file,
      'part_id,month,demand\nTEST-1,2001-01,2\nTEST-1,2001-13,1\nTEST 2,2001-01,1\nTEST-1,2001-02,x\n',
    );
    try {
      const report = await service.runtime.runAsSystem((scope) =>
        importCarpartsDemand(scope, file),
      );
      expect(report.rejected.map((line) => line.line)).toEqual([3, 4, 5]);
      expect(report.rejected[0].reason).toContain('month "2001-13"');
      expect(report.rejected[1].reason).toContain('part_id "TEST 2"');
      expect(report.rejected[2].reason).toContain('demand "x"');
      expect(report.partsCreated).toBe(1);
      expect(report.movementsCreated).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
