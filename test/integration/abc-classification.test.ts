import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffRole } from '../../core/entities/enums.js';
import { ApiScope, type Principal } from '../../core/security/principal.js';
import { Part } from '../../plugins/spare-parts/index.js';
import { CARPARTS_DEMAND_FILE } from '../../plugins/spare-parts/import/carparts-csv.js';
import { importCarpartsDemand } from '../../plugins/spare-parts/import/carparts-import.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface SourcePart {
  partNumber: string;
  units: bigint;
}

function compareByUnitsThenNumber(a: SourcePart, b: SourcePart): number {
  if (a.units !== b.units) return a.units > b.units ? -1 : 1;
  if (a.partNumber === b.partNumber) return 0;
  return a.partNumber < b.partNumber ? -1 : 1;
}

/**
 * Classifies the parts by issued quantity straight from the CSV, independently of the service.
 * It sums each part's demand from `fromMonth` on, sorts by units descending and part number
 * ascending, and compares cumulative × 100 with the thresholds in integers.
 */
function classifyFromSource(fromMonth = '0000-00'): Map<string, string> {
  const totals = new Map<string, bigint>();
  for (const line of readFileSync(CARPARTS_DEMAND_FILE, 'utf8').trim().split('\n').slice(1)) {
    const [partNumber, month, units] = line.split(',');
    const value = units === '' || month < fromMonth ? 0n : BigInt(units);
    totals.set(partNumber, (totals.get(partNumber) ?? 0n) + value);
  }
  const parts: SourcePart[] = [...totals].map(([partNumber, units]) => ({ partNumber, units }));
  parts.sort(compareByUnitsThenNumber);
  const total = parts.reduce((sum, part) => sum + part.units, 0n);
  const classes = new Map<string, string>();
  let cumulative = 0n;
  for (const part of parts) {
    cumulative += part.units;
    let abcClass = 'C';
    if (part.units > 0n && cumulative * 100n <= 80n * total) abcClass = 'A';
    else if (part.units > 0n && cumulative * 100n <= 95n * total) abcClass = 'B';
    classes.set(part.partNumber, abcClass);
  }
  return classes;
}

/** Formats a DateTime field; in-process execution returns Date objects, HTTP returns strings. */
function iso(value: string | Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function countClasses(classes: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = { A: 0, B: 0, C: 0 };
  for (const abcClass of classes) counts[abcClass] += 1;
  return counts;
}

const RUN = `mutation($input: RunAbcClassificationInput!) {
  runAbcClassification(input: $input) { run {
    id basis allMonths windowStart windowEnd windowMonths thresholdA thresholdB
    criticalMinimumClass ranByName partCount totalBasis partsWithoutCost warnings
    classCounts { abcClass parts partShare basisTotal basisShare }
  } }
}`;

const RESULTS = `query($id: ID!, $after: String, $class: AbcClass) {
  abcClassificationRun(id: $id) {
    parts(first: 100, after: $after, class: $class) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { rank basisValue issueMonths cumulativeShare rankedClass abcClass
        raisedByCriticalRule part { id partNumber abcClass } } }
    }
  }
}`;

interface RunFields {
  id: string;
  basis: string;
  allMonths: boolean;
  windowStart: string | Date | null;
  windowEnd: string | Date | null;
  windowMonths: number;
  partCount: number;
  totalBasis: string;
  partsWithoutCost: number;
  warnings: string[];
  classCounts: { abcClass: string; parts: number; partShare: string; basisShare: string }[];
}

interface ResultNode {
  rank: number;
  basisValue: string;
  issueMonths: number;
  cumulativeShare: string;
  rankedClass: string;
  abcClass: string;
  raisedByCriticalRule: boolean;
  part: { id: string; partNumber: string; abcClass: string | null };
}

const CUSTOMER_KEY: Principal = {
  kind: 'api-client',
  id: 'api-client:partner',
  name: 'partner ERP',
  roles: [StaffRole.ADMIN],
  scopes: [ApiScope.READ, ApiScope.WRITE],
  customerId: '00000000-0000-4000-8000-000000000001',
};

const TECHNICIAN: Principal = {
  kind: 'staff',
  id: 'staff:technician',
  name: 'technician',
  roles: [StaffRole.TECHNICIAN],
  scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
};

const PARTS_CLERK: Principal = {
  ...TECHNICIAN,
  id: 'staff:clerk',
  name: 'Sun Hao',
  roles: [StaffRole.PARTS_CLERK],
};

describe.skipIf(!databaseAvailable)('ABC classification of the car parts history', () => {
  let service: TestService;

  async function runClassification(input: Record<string, unknown>, principal?: Principal) {
    const { result, statements } = await service.run<{
      runAbcClassification: { run: RunFields };
    }>(RUN, { input }, principal);
    return { result, statements, run: result.data?.runAbcClassification.run };
  }

  interface ResultsPage {
    abcClassificationRun: {
      parts: {
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: ResultNode }[];
      };
    };
  }

  async function readResults(runId: string, abcClass?: string): Promise<ResultNode[]> {
    const nodes: ResultNode[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof service.run<ResultsPage>>> =
        await service.run<ResultsPage>(RESULTS, { id: runId, after, class: abcClass });
      expect(response.result.errors).toBeUndefined();
      const page = response.result.data!.abcClassificationRun.parts;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  async function runCount(): Promise<number> {
    return service.runtime.runAsSystem(async (scope) => {
      const [row] = (await scope.em
        .getConnection()
        .execute('select count(*) as runs from spare_parts_abc_classification_run')) as {
        runs: number | string;
      }[];
      return Number(row.runs);
    });
  }

  beforeAll(async () => {
    service = await startTestService();
    await service.runtime.runAsSystem((scope) => importCarpartsDemand(scope));
  });
  afterAll(async () => {
    await service?.close();
  });

  it('matches the source part by part by quantity over all months', async () => {
    const started = Date.now();
    const { result, run } = await runClassification({ basis: 'QUANTITY', allMonths: true });
    const elapsed = Date.now() - started;
    expect(result.errors).toBeUndefined();
    expect(run!.partCount).toBe(2674);
    expect(run!.totalBasis).toBe('66194');
    expect(iso(run!.windowStart)).toBe('1998-01-01T00:00:00.000Z');
    expect(iso(run!.windowEnd)).toBe('2002-04-01T00:00:00.000Z');
    expect(run!.windowMonths).toBe(51);
    // NOTE: a loose bound for a shared test machine; npm run bench measures the real time.
    expect(elapsed).toBeLessThan(5000);

    const expected = classifyFromSource();
    const results = await readResults(run!.id);
    expect(results).toHaveLength(2674);
    for (const node of results) {
      expect(node.abcClass, node.part.partNumber).toBe(expected.get(node.part.partNumber));
    }
    expect(results.map((node) => node.rank)).toEqual(results.map((_, index) => index + 1));

    const counts = countClasses(expected.values());
    expect(counts).toEqual({ A: 1212, B: 769, C: 693 });
    expect(run!.classCounts.map((entry) => [entry.abcClass, entry.parts])).toEqual([
      ['A', counts.A],
      ['B', counts.B],
      ['C', counts.C],
    ]);
    expect(run!.classCounts[0].partShare).toBe('45.33');
  });

  it('filters the parts of a run by class', async () => {
    const { run } = await runClassification({ basis: 'QUANTITY', allMonths: true });
    const classB = await readResults(run!.id, 'B');
    expect(classB).toHaveLength(769);
    expect(classB.every((node) => node.abcClass === 'B')).toBe(true);
  });

  it('uses the trailing 12 months by default', async () => {
    const { result, run } = await runClassification({
      basis: 'QUANTITY',
      classifiedAt: '2002-04-01T00:00:00.000Z',
    });
    expect(result.errors).toBeUndefined();
    expect(iso(run!.windowStart)).toBe('2001-04-01T00:00:00.000Z');
    expect(iso(run!.windowEnd)).toBe('2002-04-01T00:00:00.000Z');
    expect(run!.windowMonths).toBe(12);

    const expected = classifyFromSource('2001-04');
    const results = await readResults(run!.id);
    for (const node of results) {
      expect(node.abcClass, node.part.partNumber).toBe(expected.get(node.part.partNumber));
    }
  });

  it('counts months with issues by frequency', async () => {
    const { run } = await runClassification({ basis: 'FREQUENCY', allMonths: true });
    const monthsWithDemand = new Map<string, number>();
    for (const line of readFileSync(CARPARTS_DEMAND_FILE, 'utf8').trim().split('\n').slice(1)) {
      const [partNumber, , units] = line.split(',');
      const months = monthsWithDemand.get(partNumber) ?? 0;
      monthsWithDemand.set(partNumber, months + (units !== '' && units !== '0' ? 1 : 0));
    }
    const results = await readResults(run!.id);
    for (const node of results) {
      expect(node.issueMonths, node.part.partNumber).toBe(
        monthsWithDemand.get(node.part.partNumber),
      );
      expect(node.basisValue).toBe(String(node.issueMonths));
    }
    expect(run!.totalBasis).toBe('32854');
  });

  it('puts parts without cost in C by value and says so', async () => {
    const { result, run } = await runClassification({ allMonths: true });
    expect(result.errors).toBeUndefined();
    expect(run!.basis).toBe('VALUE');
    expect(run!.partsWithoutCost).toBe(2674);
    expect(run!.warnings).toHaveLength(1);
    expect(run!.warnings[0]).toContain('2674 of 2674 parts have no unit cost');
    expect(run!.classCounts.map((entry) => entry.parts)).toEqual([0, 0, 2674]);
  });

  it('raises a critical part and shows its latest class', async () => {
    const expected = classifyFromSource();
    const partNumber = [...expected].find(([, abcClass]) => abcClass === 'C')![0];
    await service.runtime.runAsSystem(async (scope) => {
      const part = await scope.em.findOneOrFail(Part, { partNumber });
      part.critical = true;
      await scope.em.flush();
    });
    const { run } = await runClassification({ basis: 'QUANTITY', allMonths: true }, PARTS_CLERK);
    const results = await readResults(run!.id);
    const raised = results.filter((node) => node.raisedByCriticalRule);
    expect(raised.map((node) => node.part.partNumber)).toEqual([partNumber]);
    expect(raised[0].rankedClass).toBe('C');
    expect(raised[0].abcClass).toBe('B');
    expect(raised[0].part.abcClass).toBe('B');
    expect(run!.classCounts.map((entry) => entry.parts)).toEqual([1212, 770, 692]);
  });

  it('stores who ran it and lists runs newest first', async () => {
    const { result } = await service.run<{
      abcClassificationRuns: { totalCount: number; edges: { node: { ranByName: string } }[] };
    }>(`{ abcClassificationRuns(first: 2) { totalCount edges { node { ranByName } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.abcClassificationRuns.edges[0].node.ranByName).toBe('Sun Hao');
    expect(result.data!.abcClassificationRuns.totalCount).toBeGreaterThanOrEqual(6);
  });

  it.each([
    [{ thresholdA: '95', thresholdB: '80' }, 'input.thresholdB'],
    [{ thresholdA: '80', thresholdB: '80' }, 'input.thresholdB'],
    [{ thresholdB: '101' }, 'input.thresholdB'],
    [{ thresholdA: '0' }, 'input.thresholdA'],
    [{ thresholdA: '80.12345' }, 'input.thresholdA'],
    [
      { windowStart: '2002-01-01T00:00:00.000Z', windowEnd: '2001-01-01T00:00:00.000Z' },
      'input.windowEnd',
    ],
    [{ windowMonths: 0 }, 'input.windowMonths'],
    [{ allMonths: true, windowMonths: 12 }, 'input.windowMonths'],
    [{ windowMonths: 6, windowStart: '2001-01-01T00:00:00.000Z' }, 'input.windowMonths'],
  ])('rejects %j naming %s', async (input, field) => {
    const before = await runCount();
    const { result } = await runClassification(input);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(await runCount()).toBe(before);
  });

  it('forbids customer keys and other roles', async () => {
    const asCustomer = await runClassification({ allMonths: true }, CUSTOMER_KEY);
    expect(asCustomer.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asTechnician = await runClassification({ allMonths: true }, TECHNICIAN);
    expect(asTechnician.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = await service.run(
      `{ abcClassificationRuns(first: 1) { totalCount } }`,
      {},
      CUSTOMER_KEY,
    );
    expect(list.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('plans cycle counts per class', async () => {
    await runClassification({ basis: 'QUANTITY', allMonths: true, criticalMinimumClass: 'C' });
    const { result } = await service.run<{
      abcCycleCountPlan: {
        classes: {
          abcClass: string;
          intervalMonths: number;
          parts: number;
          countsPerYear: string;
        }[];
        countsPerYear: string;
      };
    }>(
      `{ abcCycleCountPlan { countsPerYear classes { abcClass intervalMonths parts countsPerYear } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.abcCycleCountPlan.classes).toEqual([
      { abcClass: 'A', intervalMonths: 3, parts: 1212, countsPerYear: '4848.00' },
      { abcClass: 'B', intervalMonths: 6, parts: 769, countsPerYear: '1538.00' },
      { abcClass: 'C', intervalMonths: 12, parts: 693, countsPerYear: '693.00' },
    ]);
    expect(result.data!.abcCycleCountPlan.countsPerYear).toBe('7079.00');
  });

  it('suggests reorders from class and demand', async () => {
    const { result } = await service.run<{
      abcReorderSuggestions: {
        totalCount: number;
        edges: {
          node: {
            abcClass: string;
            rank: number;
            averageMonthlyDemand: string;
            coverMonths: string;
            targetStock: string;
            onHand: string;
            suggestedQuantity: string;
            part: { partNumber: string };
          };
        }[];
      };
    }>(`{ abcReorderSuggestions(first: 3) { totalCount edges { node {
      abcClass rank averageMonthlyDemand coverMonths targetStock onHand suggestedQuantity
      part { partNumber } } } } }`);
    expect(result.errors).toBeUndefined();
    const suggestions = result.data!.abcReorderSuggestions;
    // Every imported part ends at zero on hand and has demand, so each needs stock.
    expect(suggestions.totalCount).toBe(2674);
    const first = suggestions.edges[0].node;
    expect(first.rank).toBe(1);
    expect(first.abcClass).toBe('A');
    expect(first.onHand).toBe('0.000');
    expect(first.coverMonths).toBe('1');
    const source = classifyFromSource();
    expect(source.get(first.part.partNumber)).toBe('A');
  });
});
