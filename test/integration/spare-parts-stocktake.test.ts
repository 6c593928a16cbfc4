import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlRequest } from '../support/repair-live.js';
import {
  createPart,
  createQualifiedSupplier,
  createWarehouse,
  dataOf,
  ledgerSum,
  requisitionAction,
  stockOf,
  stockUp,
  submittedRequisition,
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
    countedBookQuantity: string | null;
    countedQuantity: string | null;
    discrepancyReason: string | null;
    adjustmentQuantity: string | null;
    matched: boolean;
  }[];
}

const STOCKTAKE_FIELDS = `id version status countedLineCount matchedLineCount inventoryAccuracy
  lines { id part { partNumber } bookQuantity countedBookQuantity countedQuantity discrepancyReason adjustmentQuantity matched }`;

describe.skipIf(!databaseAvailable)('spare-parts stocktake', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let warehouseId: string;
  const parts: Record<string, string> = {};

  const errorsOf = (response: { errors?: readonly unknown[] }) =>
    (response.errors ?? []) as GraphqlError[];

  async function openStocktake(inWarehouse = warehouseId): Promise<StocktakeView> {
    const response = await request<{ openStocktake: { stocktake: StocktakeView } }>(
      `mutation($input: OpenStocktakeInput!) { openStocktake(input: $input) { stocktake { ${STOCKTAKE_FIELDS} } } }`,
      { input: { warehouseId: inWarehouse } },
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
    expect(error.extensions.field).toBe('lines.0.countedQuantity');
    expect(error.message).toContain('has not been counted');
  });

  describe('movements after the count', () => {
    let technicianId: string;
    let supplierId: string;

    beforeAll(async () => {
      supplierId = await createQualifiedSupplier(request, 'SUP-AFTER');
      technicianId = dataOf(
        'createStaff',
        await request<{ createStaff: { staff: { id: string } } }>(
          `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
          {
            input: {
              employeeNumber: 'COUNT-T1',
              name: 'Wang Wu',
              department: 'REPAIR',
              roles: ['TECHNICIAN'],
            },
          },
        ),
      ).createStaff.staff.id;
    });

    /** Stocks a new part in a new warehouse with `quantity` and opens a stocktake there. */
    async function countedShelf(code: string, quantity: string) {
      const shelfWarehouseId = await createWarehouse(request, code);
      const partId = await createPart(request, { partNumber: `${code}-PART` });
      await stockUp(request, supplierId, shelfWarehouseId, partId, quantity);
      const opened = await openStocktake(shelfWarehouseId);
      return { shelfWarehouseId, partId, opened, lineId: opened.lines[0].id };
    }

    function issue(partId: string, fromWarehouseId: string, quantity: string) {
      return (async () => {
        const requisition = await submittedRequisition(request, technicianId, [
          { partId, warehouseId: fromWarehouseId, quantity },
        ]);
        const approved = dataOf(
          'approveRequisition',
          await requisitionAction(request, 'approveRequisition', requisition),
        ).approveRequisition.requisition;
        return requisitionAction(
          request,
          'issueRequisition',
          approved,
          {},
          'RequisitionQuantitiesInput',
        );
      })();
    }

    it('keeps an issue made after a matching count', async () => {
      const shelf = await countedShelf('WH-AFTER-1', '10');
      const counted = dataOf(
        'recordStocktakeCounts',
        await recordCounts(shelf.opened, [{ lineId: shelf.lineId, countedQuantity: '10' }]),
      ).recordStocktakeCounts.stocktake;
      expect(counted.lines[0].countedBookQuantity).toBe('10.000');
      dataOf('issueRequisition', await issue(shelf.partId, shelf.shelfWarehouseId, '2'));

      const posted = dataOf('postStocktake', await post(counted)).postStocktake.stocktake;
      expect(posted.lines[0]).toMatchObject({
        bookQuantity: '10.000',
        countedBookQuantity: '10.000',
        countedQuantity: '10.000',
        adjustmentQuantity: '0.000',
        matched: true,
      });
      expect(posted.inventoryAccuracy).toBe('1.0000');
      expect((await stockOf(request, shelf.partId)).stock.onHand).toBe('8.000');
      expect((await ledgerSum(request, shelf.partId, shelf.shelfWarehouseId)).sum).toBe('8.000');
    });

    it('adjusts by count minus book at count time', async () => {
      const shelf = await countedShelf('WH-AFTER-2', '10');
      dataOf('issueRequisition', await issue(shelf.partId, shelf.shelfWarehouseId, '1'));
      const counted = dataOf(
        'recordStocktakeCounts',
        await recordCounts(shelf.opened, [
          { lineId: shelf.lineId, countedQuantity: '8', discrepancyReason: 'Seat lost on rig 3' },
        ]),
      ).recordStocktakeCounts.stocktake;
      expect(counted.lines[0].countedBookQuantity).toBe('9.000');
      expect(counted.lines[0].matched).toBe(false);
      dataOf('issueRequisition', await issue(shelf.partId, shelf.shelfWarehouseId, '2'));

      const posted = dataOf('postStocktake', await post(counted)).postStocktake.stocktake;
      expect(posted.lines[0].adjustmentQuantity).toBe('-1.000');
      // The count of 8 less the 2 issued after it.
      expect((await stockOf(request, shelf.partId)).stock.onHand).toBe('6.000');
      expect((await ledgerSum(request, shelf.partId, shelf.shelfWarehouseId)).sum).toBe('6.000');
    });

    it('serialises a post with a concurrent issue', async () => {
      for (const [round, code] of ['WH-AFTER-3', 'WH-AFTER-4', 'WH-AFTER-5'].entries()) {
        const shelf = await countedShelf(code, '10');
        const counted = dataOf(
          'recordStocktakeCounts',
          await recordCounts(shelf.opened, [
            { lineId: shelf.lineId, countedQuantity: '9', discrepancyReason: `Loss ${round}` },
          ]),
        ).recordStocktakeCounts.stocktake;
        const [issued, posted] = await Promise.all([
          issue(shelf.partId, shelf.shelfWarehouseId, '2'),
          post(counted),
        ]);
        expect(issued.errors, code).toBeUndefined();
        expect(posted.errors, code).toBeUndefined();
        expect((await stockOf(request, shelf.partId)).stock.onHand, code).toBe('7.000');
        expect((await ledgerSum(request, shelf.partId, shelf.shelfWarehouseId)).sum, code).toBe(
          '7.000',
        );
      }
    });

    it('posts once when posted twice at once', async () => {
      const shelf = await countedShelf('WH-AFTER-6', '10');
      const counted = dataOf(
        'recordStocktakeCounts',
        await recordCounts(shelf.opened, [
          { lineId: shelf.lineId, countedQuantity: '7', discrepancyReason: 'Three missing' },
        ]),
      ).recordStocktakeCounts.stocktake;
      const outcomes = await Promise.all([post(counted), post(counted)]);
      expect(outcomes.filter((outcome) => !outcome.errors)).toHaveLength(1);
      const [error] = errorsOf(outcomes.find((outcome) => outcome.errors)!);
      expect(error.extensions.code).toBe('CONFLICT');
      expect((await stockOf(request, shelf.partId)).stock.onHand).toBe('7.000');
    });

    it('names the line that needs a reason', async () => {
      const shelf = await countedShelf('WH-AFTER-7', '4');
      const counted = dataOf(
        'recordStocktakeCounts',
        await recordCounts(shelf.opened, [{ lineId: shelf.lineId, countedQuantity: '3' }]),
      ).recordStocktakeCounts.stocktake;
      const [error] = errorsOf(await post(counted));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('lines.0.discrepancyReason');
      expect(error.extensions.problems).toEqual([
        {
          field: 'lines.0.discrepancyReason',
          lineId: shelf.lineId,
          partNumber: 'WH-AFTER-7-PART',
          message: expect.stringContaining('needs a discrepancyReason'),
        },
      ]);
    });
  });
});
