import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlRequest } from '../support/repair-live.js';
import {
  createPart,
  createQualifiedSupplier,
  createWarehouse,
  dataOf,
  ledgerSum,
  stockOf,
  stockUp,
  type Versioned,
} from '../support/spare-parts-fixture.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

type GraphqlError = { message: string; extensions: Record<string, unknown> };

interface StocktakeView extends Versioned {
  countedLineCount: number;
  matchedLineCount: number;
  inventoryAccuracy: string | null;
  lines: {
    id: string;
    part: { partNumber: string };
    bookQuantity: string;
    countedQuantity: string | null;
    discrepancyReason: string | null;
    adjustmentQuantity: string | null;
    matched: boolean;
  }[];
}

const STOCKTAKE_FIELDS = `id version status countedLineCount matchedLineCount inventoryAccuracy
  lines { id part { partNumber } bookQuantity countedQuantity discrepancyReason adjustmentQuantity matched }`;

describe.skipIf(!databaseAvailable)('spare-parts stocktake', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let warehouseId: string;
  const parts: Record<string, string> = {};

  const errorsOf = (response: { errors?: readonly unknown[] }) =>
    (response.errors ?? []) as GraphqlError[];

  async function openStocktake(): Promise<StocktakeView> {
    const response = await request<{ openStocktake: { stocktake: StocktakeView } }>(
      `mutation($input: OpenStocktakeInput!) { openStocktake(input: $input) { stocktake { ${STOCKTAKE_FIELDS} } } }`,
      { input: { warehouseId } },
    );
    return dataOf('openStocktake', response).openStocktake.stocktake;
  }

  function recordCounts(stocktake: Versioned, counts: Record<string, unknown>[]) {
    return request<{ recordStocktakeCounts: { stocktake: StocktakeView } }>(
      `mutation($input: RecordStocktakeCountsInput!) {
        recordStocktakeCounts(input: $input) { stocktake { ${STOCKTAKE_FIELDS} } }
      }`,
      { input: { id: stocktake.id, version: stocktake.version, counts } },
    );
  }

  function post(stocktake: Versioned) {
    return request<{ postStocktake: { stocktake: StocktakeView } }>(
      `mutation($input: StocktakeActionInput!) {
        postStocktake(input: $input) { stocktake { ${STOCKTAKE_FIELDS} } }
      }`,
      { input: { id: stocktake.id, version: stocktake.version } },
    );
  }

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    warehouseId = await createWarehouse(request, 'WH-COUNT');
    const supplierId = await createQualifiedSupplier(request, 'SUP-COUNT');
    for (const [partNumber, quantity] of [
      ['BOLT-M24', '40'],
      ['HOSE-2IN', '12.5'],
      ['FILTER-HYD', '8'],
      ['VALVE-4IN', '3'],
    ]) {
      parts[partNumber] = await createPart(request, { partNumber });
      await stockUp(request, supplierId, warehouseId, parts[partNumber], quantity);
    }
  });

  afterAll(async () => {
    await service?.close();
  });

  it('posts adjustments that bring book to count', async () => {
    const opened = await openStocktake();
    expect(opened.status).toBe('OPEN');
    expect(opened.inventoryAccuracy).toBeNull();
    const line = (partNumber: string) =>
      opened.lines.find((candidate) => candidate.part.partNumber === partNumber)!;
    expect(line('HOSE-2IN').bookQuantity).toBe('12.500');

    const counted = dataOf(
      'recordStocktakeCounts',
      await recordCounts(opened, [
        { lineId: line('BOLT-M24').id, countedQuantity: '40' },
        { lineId: line('HOSE-2IN').id, countedQuantity: '11.75' },
        {
          lineId: line('FILTER-HYD').id,
          countedQuantity: '9',
          discrepancyReason: 'Unbooked return',
        },
        { lineId: line('VALVE-4IN').id, countedQuantity: '3' },
      ]),
    ).recordStocktakeCounts.stocktake;
    expect(counted.countedLineCount).toBe(4);
    expect(counted.matchedLineCount).toBe(2);
    expect(counted.inventoryAccuracy).toBe('0.5000');

    const unexplained = await post(counted);
    const [error] = errorsOf(unexplained);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('part HOSE-2IN was counted at 11.750');
    expect(error.message).not.toContain('FILTER-HYD');
    expect((await stockOf(request, parts['HOSE-2IN'])).stock.onHand).toBe('12.500');

    const explained = dataOf(
      'recordStocktakeCounts',
      await recordCounts(counted, [
        {
          lineId: line('HOSE-2IN').id,
          countedQuantity: '11.75',
          discrepancyReason: 'Cut for a rig-up, not booked (盘亏)',
        },
      ]),
    ).recordStocktakeCounts.stocktake;
    const posted = dataOf('postStocktake', await post(explained)).postStocktake.stocktake;
    expect(posted.status).toBe('POSTED');
    const postedLine = (partNumber: string) =>
      posted.lines.find((candidate) => candidate.part.partNumber === partNumber)!;
    expect(postedLine('HOSE-2IN')).toMatchObject({
      adjustmentQuantity: '-0.750',
      discrepancyReason: 'Cut for a rig-up, not booked (盘亏)',
      matched: false,
    });
    expect(postedLine('FILTER-HYD').adjustmentQuantity).toBe('1.000');
    expect(postedLine('BOLT-M24').adjustmentQuantity).toBe('0.000');

    for (const [partNumber, count] of [
      ['BOLT-M24', '40.000'],
      ['HOSE-2IN', '11.750'],
      ['FILTER-HYD', '9.000'],
      ['VALVE-4IN', '3.000'],
    ]) {
      expect((await stockOf(request, parts[partNumber])).stock.onHand).toBe(count);
      expect((await ledgerSum(request, parts[partNumber], warehouseId)).sum).toBe(count);
    }
    const adjustments = await request<{
      stockMovements: { edges: { node: { quantity: string; note: string } }[] };
    }>(
      `query($filter: StockMovementFilter) {
        stockMovements(first: 10, filter: $filter) { edges { node { quantity note } } }
      }`,
      { filter: { kinds: ['ADJUSTMENT'] } },
    );
    const notes = dataOf('stockMovements', adjustments).stockMovements.edges.map(
      (edge) => edge.node,
    );
    expect(notes).toHaveLength(2);
    expect(notes.map((node) => node.quantity).sort()).toEqual(['-0.750', '1.000']);
    expect(notes.some((node) => node.note.includes('Unbooked return'))).toBe(true);

    const again = await recordCounts(posted, [
      { lineId: postedLine('BOLT-M24').id, countedQuantity: '39' },
    ]);
    expect(errorsOf(again)[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentStatus: 'POSTED',
    });
    expect(errorsOf(await post(posted))[0].extensions.code).toBe('CONFLICT');
  });

  it('rejects posting before every line is counted', async () => {
    const opened = await openStocktake();
    const response = await post(opened);
    const [error] = errorsOf(response);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect((error.extensions.problems as unknown[]).length).toBe(4);
    expect(error.message).toContain('has not been counted');
  });
});
