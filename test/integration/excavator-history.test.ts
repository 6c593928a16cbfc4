import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decimalFromStorage } from '../../core/database/decimal.type.js';
import { EXCAVATOR_DATA_DIR } from '../../plugins/repair/import/excavator-csv.js';
import { importExcavatorHistory } from '../../plugins/repair/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface SourceRow {
  line: number;
  date: string;
  asset: string;
  text: string;
  cents: bigint;
}

/** Reads the raw CSV independently of the importer: every row but the shifted line 3454. */
function readSource(): SourceRow[] {
  const records = parse(readFileSync(join(EXCAVATOR_DATA_DIR, 'excavators.csv'), 'utf8'), {
    from_line: 2,
    info: true,
    relax_column_count: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records
    .filter(({ info }) => info.lines !== 3454)
    .map(({ record, info }) => {
      const [whole, fraction = ''] = record[4].replace('-', '').split('.');
      const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
      return {
        line: info.lines,
        date: record[0],
        asset: record[1],
        text: record[2],
        cents: record[4].startsWith('-') ? -cents : cents,
      };
    });
}

function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
}

describe.skipIf(!databaseAvailable)('excavator history import', () => {
  let service: TestService;
  const source = readSource();

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('imports 5,484 rows and rejects line 3454', async () => {
    const report = await service.runtime.runAsSystem((scope) => importExcavatorHistory(scope));
    expect(report.imported).toBe(5484);
    expect(report.alreadyPresent).toBe(0);
    expect(report.rejected.map((row) => row.line)).toEqual([3454]);
    expect(report.rejected[0].reason).toContain('PMType "t swing"');
  });

  it('matches source counts and costs per unit', async () => {
    const rows = await service.runtime.runAsSystem((scope) =>
      scope.em.getConnection().execute(
        `select e.serial_number as serial, count(*) as orders, sum(r.cost_amount) as total
           from repair_order r join equipment e on e.id = r.equipment_id
          group by e.serial_number order by e.serial_number`,
      ),
    );
    const actual = Object.fromEntries(
      (rows as { serial: string; orders: number | string; total: unknown }[]).map((row) => [
        row.serial,
        {
          orders: Number(row.orders),
          total: decimalFromStorage(
            row.total,
            2,
            service.runtime.config.database.kind === 'sqlite',
          ),
        },
      ]),
    );
    for (const asset of ['A', 'B', 'C', 'D', 'E']) {
      const unitRows = source.filter((row) => row.asset === asset);
      const expectedTotal = formatCents(unitRows.reduce((sum, row) => sum + row.cents, 0n));
      expect(actual[`EXC-${asset}`], `EXC-${asset}`).toEqual({
        orders: unitRows.length,
        total: expectedTotal,
      });
    }
  });

  it('changes nothing on a second run', async () => {
    const before = await service.runtime.runAsSystem(async (scope) => ({
      orders: await scope.em
        .getConnection()
        .execute('select count(*) as n, max(updated_at) as changed from repair_order'),
    }));
    const report = await service.runtime.runAsSystem((scope) => importExcavatorHistory(scope));
    expect(report.imported).toBe(0);
    expect(report.alreadyPresent).toBe(5484);
    expect(report.rejected).toHaveLength(1);
    const after = await service.runtime.runAsSystem(async (scope) => ({
      orders: await scope.em
        .getConnection()
        .execute('select count(*) as n, max(updated_at) as changed from repair_order'),
    }));
    expect(after).toEqual(before);
  });

  it('serves a unit history newest first over HTTP', async () => {
    const response = await service.http<{
      equipmentBySerial: {
        repairOrders: {
          totalCount: number;
          edges: {
            node: {
              reportedAt: string;
              faultDescription: string;
              cost: { amount: string; currency: string };
            };
          }[];
        };
      };
    }>(
      `{ equipmentBySerial(serial: "EXC-A") { repairOrders(first: 5) { totalCount edges { node { reportedAt faultDescription cost { amount currency } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const history = response.data!.equipmentBySerial.repairOrders;
    const unitRows = source
      .filter((row) => row.asset === 'A')
      .sort((a, b) => b.date.localeCompare(a.date));
    expect(history.totalCount).toBe(unitRows.length);
    expect(history.edges.map((edge) => edge.node.reportedAt.slice(0, 10))).toEqual(
      unitRows.slice(0, 5).map((row) => row.date),
    );
    for (const { node } of history.edges) {
      const match = unitRows.find(
        (row) =>
          row.date === node.reportedAt.slice(0, 10) &&
          row.text === node.faultDescription &&
          formatCents(row.cents) === node.cost.amount,
      );
      expect(match, node.faultDescription).toBeDefined();
      expect(node.cost.currency).toBe('AUD');
    }
  });

  it('pages through a unit history without gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<TestService['http']>> = await service.http(
        `query($after: String) { equipmentBySerial(serial: "EXC-A") { repairOrders(first: 40, after: $after) { pageInfo { hasNextPage endCursor } edges { node { number } } } } }`,
        { after },
      );
      const page = (
        response.data as {
          equipmentBySerial: {
            repairOrders: {
              pageInfo: { hasNextPage: boolean; endCursor: string };
              edges: { node: { number: string } }[];
            };
          };
        }
      ).equipmentBySerial.repairOrders;
      seen.push(...page.edges.map((edge) => edge.node.number));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(151);
    expect(new Set(seen).size).toBe(151);
  });
});
