import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  StockMovementKind,
  Part,
  StockMovement,
  Warehouse,
} from '../../plugins/spare-parts/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const RUN = `mutation($input: RunAbcClassificationInput!) {
  runAbcClassification(input: $input) { run { id partCount classCounts { abcClass parts } } }
}`;

const LIST = `query($first: Int!) {
  abcClassificationRuns(first: $first) { edges { node {
    id partCount
    parts(first: 20) { totalCount edges { node { rank abcClass part { partNumber abcClass } } } }
  } } }
}`;

interface RunData {
  runAbcClassification: { run: { id: string; partCount: number } };
}

describe.skipIf(!databaseAvailable)('SQL statement count of ABC classification', () => {
  let service: TestService;
  let created = 0;

  /** Adds `count` parts, each with two issues and one return in 2025. */
  async function addParts(count: number): Promise<void> {
    await service.runtime.runAsSystem(async (scope) => {
      const warehouse =
        (await scope.em.findOne(Warehouse, { code: 'WH-COUNT' })) ??
        scope.em.create(Warehouse, { code: 'WH-COUNT', name: 'Statement count store' });
      for (let index = 0; index < count; index += 1) {
        created += 1;
        const part = scope.em.create(Part, {
          partNumber: `SC-${String(created).padStart(5, '0')}`,
          name: `Statement count part ${created}`,
          unitCost: `${created}.50`,
        });
        for (const [kind, quantity, month] of [
          [StockMovementKind.ISSUE, `-${(created % 7) + 1}`, 1],
          [StockMovementKind.ISSUE, '-2', 3],
          [StockMovementKind.RETURN, '1', 4],
        ] as const) {
          scope.em.create(StockMovement, {
            part,
            warehouse,
            kind,
            quantity,
            occurredAt: new Date(Date.UTC(2025, month, 10)),
            recordedBy: 'test',
          });
        }
      }
      await scope.em.flush();
    });
  }

  async function classify(input: Record<string, unknown>) {
    const { result, statements } = await service.run<RunData>(RUN, { input });
    expect(result.errors).toBeUndefined();
    return { run: result.data!.runAbcClassification.run, statements };
  }

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('is the same for 200 parts as for 10', async () => {
    const input = { classifiedAt: '2026-01-01T00:00:00.000Z' };
    await addParts(10);
    const small = await classify(input);
    await addParts(190);
    const large = await classify(input);
    expect(small.run.partCount).toBe(10);
    expect(large.run.partCount).toBe(200);
    expect(large.statements).toBe(small.statements);
    // Aggregate, begin, insert run, insert audit entry, insert results, commit.
    expect(large.statements).toBeLessThanOrEqual(6);
  });

  it('adds one statement for a run over all months', async () => {
    const windowed = await classify({ classifiedAt: '2026-01-01T00:00:00.000Z' });
    const allMonths = await classify({ allMonths: true });
    expect(allMonths.statements).toBe(windowed.statements + 1);
  });

  it('reads nested runs, results and classes in constant statements', async () => {
    const two = await service.run(LIST, { first: 2 });
    const four = await service.run(LIST, { first: 4 });
    expect(two.result.errors).toBeUndefined();
    expect(four.result.errors).toBeUndefined();
    expect(four.statements).toBe(two.statements);
  });
});
