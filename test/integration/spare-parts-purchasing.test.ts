import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlRequest } from '../support/repair-live.js';
import {
  createPart,
  createQualifiedSupplier,
  createWarehouse,
  dataOf,
  placePurchaseOrder,
  receive,
  requisitionAction,
  stockOf,
  stockUp,
  submittedRequisition,
} from '../support/spare-parts-fixture.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

type GraphqlError = { message: string; extensions: Record<string, unknown> };

const errorsOf = (response: { errors?: readonly unknown[] }) =>
  (response.errors ?? []) as GraphqlError[];

const RECEIPTS_OF_PART = `query($partId: ID!) {
  stockMovements(first: 10, filter: { partId: $partId, kinds: [RECEIPT] }) {
    edges { node { kind quantity unitCost note } }
  }
}`;

describe.skipIf(!databaseAvailable)('spare-parts purchasing', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let warehouseId: string;
  let supplierId: string;
  let linerId: string;

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    warehouseId = await createWarehouse(request, 'WH-PUR');
    supplierId = await createQualifiedSupplier(request, 'SUP-QUAL');
    linerId = await createPart(request, {
      partNumber: 'LINER-7IN',
      specification: '7 in ceramic liner, API 7K',
      reorderPoint: '4',
      safetyStock: '2',
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('rejects an order with an unqualified supplier', async () => {
    const unqualified = dataOf(
      'createSupplier',
      await request<{ createSupplier: { supplier: { id: string } } }>(
        `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id } } }`,
        { input: { code: 'SUP-NEW', name: 'New supplier' } },
      ),
    ).createSupplier.supplier.id;
    const response = await request(
      `mutation($input: CreatePurchaseOrderInput!) {
        createPurchaseOrder(input: $input) { purchaseOrder { id } }
      }`,
      {
        input: {
          supplierId: unqualified,
          currency: 'CNY',
          lines: [
            {
              partId: linerId,
              quantity: '1',
              unitPrice: '10.00',
              deliveryDate: '2026-12-31',
              qualityTerms: 'API 7K',
            },
          ],
        },
      },
    );
    const [error] = errorsOf(response);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.supplierId');
    expect(error.message).toContain('SUP-NEW is not qualified');
  });

  it('requires a quality certificate on every received line', async () => {
    const { order, lineIds } = await placePurchaseOrder(request, supplierId, [
      { partId: linerId, quantity: '5', unitPrice: '1350.00' },
    ]);
    for (const certificate of [null, '   ']) {
      const response = await receive(request, order.id, warehouseId, [
        { orderLineId: lineIds[0], quantity: '1', qualityCertificateNumber: certificate },
      ]);
      const [error] = errorsOf(response);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.lines.0.qualityCertificateNumber');
    }
    expect((await stockOf(request, linerId)).stock.onHand).toBe('0.000');

    const cancel = `mutation($input: PurchaseOrderActionInput!) {
      cancelPurchaseOrder(input: $input) { purchaseOrder { status cancellationReason } }
    }`;
    const withoutReason = await request(cancel, {
      input: { id: order.id, version: order.version },
    });
    expect(errorsOf(withoutReason)[0].extensions.field).toBe('input.reason');
    const cancelled = await request(cancel, {
      input: { id: order.id, version: order.version, reason: 'Supplier cannot certify the batch' },
    });
    expect(dataOf('cancelPurchaseOrder', cancelled)).toEqual({
      cancelPurchaseOrder: {
        purchaseOrder: {
          status: 'CANCELLED',
          cancellationReason: 'Supplier cannot certify the batch',
        },
      },
    });
  });

  it('receives at the order price and rejects over-receipt', async () => {
    const { order, lineIds } = await placePurchaseOrder(request, supplierId, [
      { partId: linerId, quantity: '5', unitPrice: '1350.00' },
    ]);
    const first = dataOf(
      'receivePurchaseOrder',
      await receive(request, order.id, warehouseId, [
        { orderLineId: lineIds[0], quantity: '3', qualityCertificateNumber: 'QC-LINER-0091' },
      ]),
    ).receivePurchaseOrder;
    expect(first.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');

    const over = await receive(request, order.id, warehouseId, [
      { orderLineId: lineIds[0], quantity: '2.001' },
    ]);
    const [error] = errorsOf(over);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.lines.0.quantity');
    expect(error.message).toContain('ordered 5.000, already received 3.000');

    const rest = dataOf(
      'receivePurchaseOrder',
      await receive(request, order.id, warehouseId, [{ orderLineId: lineIds[0], quantity: '2' }]),
    ).receivePurchaseOrder;
    expect(rest.purchaseOrder.status).toBe('RECEIVED');
    const movements = dataOf(
      'stockMovements',
      await request(RECEIPTS_OF_PART, { partId: linerId }),
    );
    expect(movements).toMatchObject({
      stockMovements: {
        edges: [
          { node: { kind: 'RECEIPT', quantity: '2.000', unitCost: '1350.00' } },
          { node: { kind: 'RECEIPT', quantity: '3.000', unitCost: '1350.00' } },
        ],
      },
    });
    expect(JSON.stringify(movements)).toContain('QC-LINER-0091');
    expect((await stockOf(request, linerId)).stock.onHand).toBe('5.000');

    const closed = await receive(request, order.id, warehouseId, [
      { orderLineId: lineIds[0], quantity: '1' },
    ]);
    expect(errorsOf(closed)[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentStatus: 'RECEIVED',
    });
  });

  it('books a retried receipt once', async () => {
    const partId = await createPart(request, { partNumber: 'RETRY-SEAL-9' });
    const { order, lineIds } = await placePurchaseOrder(request, supplierId, [
      { partId, quantity: '4', unitPrice: '12.00' },
    ]);
    const input = {
      idempotencyKey: 'erp-receipt-2026-1204-0007',
      purchaseOrderId: order.id,
      warehouseId,
      lines: [{ orderLineId: lineIds[0], quantity: '3', qualityCertificateNumber: 'QC-RETRY-1' }],
    };
    const receiveOnce = () =>
      request<{
        receivePurchaseOrder: { receipt: { id: string }; purchaseOrder: { status: string } };
      }>(
        `mutation($input: ReceivePurchaseOrderInput!) {
          receivePurchaseOrder(input: $input) { receipt { id } purchaseOrder { status } }
        }`,
        { input },
      );
    const first = dataOf('receivePurchaseOrder', await receiveOnce()).receivePurchaseOrder;
    const retry = dataOf('receivePurchaseOrder', await receiveOnce()).receivePurchaseOrder;
    expect(retry.receipt.id).toBe(first.receipt.id);
    expect(retry.purchaseOrder.status).toBe('PARTIALLY_RECEIVED');
    expect((await stockOf(request, partId)).stock.onHand).toBe('3.000');
  });

  it('suggests purchases from demand, stock and reorder point', async () => {
    const technician = dataOf(
      'createStaff',
      await request<{ createStaff: { staff: { id: string } } }>(
        `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
        {
          input: { employeeNumber: 'PUR-T1', name: 'Sun Qi', department: 'REPAIR', roles: [] },
        },
      ),
    ).createStaff.staff.id;
    // 5 on hand from the previous test; issuing 3 leaves 2, at or below the reorder point 4.
    const requisition = await submittedRequisition(request, technician, [
      { partId: linerId, warehouseId, quantity: '3' },
    ]);
    const approved = dataOf(
      'approve',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    dataOf(
      'issue',
      await requisitionAction(
        request,
        'issueRequisition',
        approved,
        {},
        'RequisitionQuantitiesInput',
      ),
    );
    const plan = dataOf(
      'procurementPlan',
      await request<{ procurementPlan: Record<string, unknown>[] }>(
        `{ procurementPlan(demandDays: 30, coverageDays: 30) {
          part { partNumber } available onOrder demandQuantity demandDays averageDailyDemand
          reorderPoint safetyStock targetLevel suggestedQuantity reason
        } }`,
      ),
    ).procurementPlan;
    expect(plan).toEqual([
      {
        part: { partNumber: 'LINER-7IN' },
        available: '2.000',
        onOrder: '0.000',
        demandQuantity: '3.000',
        demandDays: 30,
        averageDailyDemand: '0.100',
        reorderPoint: '4.000',
        safetyStock: '2.000',
        // max(4, 2) + 0.1 × 30 = 7; 7 − 2 = 5.
        targetLevel: '7.000',
        suggestedQuantity: '5.000',
        reason:
          'stock position 2.000 is at or below the reorder point 4.000; stock position 2.000 does not cover the forecast demand 3.000 of the next 30 days',
      },
    ]);
  });

  it('keeps quantities and prices exact on both databases', async () => {
    const oilId = await createPart(request, { partNumber: 'OIL-GEAR-220', unitOfMeasure: 'L' });
    const { order, lineIds } = await placePurchaseOrder(request, supplierId, [
      { partId: oilId, quantity: '0.3', unitPrice: '19.99' },
    ]);
    const orderLines = `query($id: ID!) { purchaseOrder(id: $id) { lines { quantity unitPrice } } }`;
    expect(dataOf('purchaseOrder', await request(orderLines, { id: order.id }))).toEqual({
      purchaseOrder: { lines: [{ quantity: '0.300', unitPrice: '19.99' }] },
    });
    for (const quantity of ['0.1', '0.2']) {
      dataOf(
        'receive',
        await receive(request, order.id, warehouseId, [{ orderLineId: lineIds[0], quantity }]),
      );
    }
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004.
    expect((await stockOf(request, oilId)).stock.onHand).toBe('0.300');

    const seals = await createPart(request, { partNumber: 'SEAL-KIT-3', unitCost: '19.99' });
    await stockUp(request, supplierId, warehouseId, seals, '3', '19.99');
    const total = await request<{
      createPurchaseOrder: { purchaseOrder: Record<string, unknown> };
    }>(
      `mutation($input: CreatePurchaseOrderInput!) {
        createPurchaseOrder(input: $input) {
          purchaseOrder { total { amount currency } lines { quantity unitPrice lineTotal } }
        }
      }`,
      {
        input: {
          supplierId,
          currency: 'CNY',
          lines: [
            {
              partId: seals,
              quantity: '3',
              unitPrice: '19.99',
              deliveryDate: '2026-12-31',
              qualityTerms: 'OEM',
            },
          ],
        },
      },
    );
    // 3 × 19.99 in binary floating point is 59.97000000000001.
    expect(dataOf('createPurchaseOrder', total).createPurchaseOrder.purchaseOrder).toEqual({
      total: { amount: '59.97', currency: 'CNY' },
      lines: [{ quantity: '3.000', unitPrice: '19.99', lineTotal: '59.97' }],
    });
  });
});
