import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STEPS,
  reportRepairOrder,
  runWorkflowStep,
  seedRepairFixture,
  type OrderState,
  type RepairFixture,
} from '../support/repair-fixture.js';
import type { GraphqlRequest } from '../support/repair-live.js';
import {
  createPart,
  createQualifiedSupplier,
  createWarehouse,
  dataOf,
  requisitionAction,
  stockUp,
  submittedRequisition,
} from '../support/spare-parts-fixture.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

type GraphqlError = { message: string; extensions: Record<string, unknown> };

const errorsOf = (response: { errors?: readonly unknown[] }) =>
  (response.errors ?? []) as GraphqlError[];

const FIT = `mutation($input: RecordRepairPartUsedInput!) {
  recordRepairPartUsed(input: $input) { partUsage { id version } }
}`;

const CLOSE = `mutation($input: CloseRepairOrderInput!) {
  closeRepairOrder(input: $input) { repairOrder { status } }
}`;

describe.skipIf(!databaseAvailable)('spare parts on repair orders', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let fixture: RepairFixture;
  let warehouseId: string;
  let partId: string;

  /** Runs the lifecycle steps from the first one named `from` up to, not including, `until`. */
  async function runSteps(order: OrderState, from: string, until: string): Promise<OrderState> {
    const start = LIFECYCLE_STEPS.findIndex((step) => step.mutation === from);
    const end = LIFECYCLE_STEPS.findIndex((step) => step.mutation === until);
    let current = order;
    for (const step of LIFECYCLE_STEPS.slice(start, end)) {
      current = await runWorkflowStep(request, fixture, step, current);
    }
    return current;
  }

  async function issuedFor(order: OrderState, quantity: string) {
    const requisition = await submittedRequisition(
      request,
      fixture.technicianId,
      [{ partId, warehouseId, quantity }],
      order.id,
    );
    const approved = dataOf(
      'approve',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    const issued = dataOf(
      'issue',
      await requisitionAction(
        request,
        'issueRequisition',
        approved,
        {},
        'RequisitionQuantitiesInput',
      ),
    ).issueRequisition.requisition;
    return { requisition: issued, lineId: requisition.lines[0].id };
  }

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    fixture = await seedRepairFixture(request, 'RPP');
    warehouseId = await createWarehouse(request, 'WH-RPP');
    partId = await createPart(request, { partNumber: 'RPP-PISTON-6', unitCost: '960.00' });
    const supplierId = await createQualifiedSupplier(request, 'SUP-RPP');
    await stockUp(request, supplierId, warehouseId, partId, '20');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('rejects fitting before the plan is approved', async () => {
    const order = await reportRepairOrder(request, fixture);
    const { lineId } = await issuedFor(order, '1');
    const response = await request(FIT, {
      input: { repairOrderId: order.id, requisitionLineId: lineId, quantity: '1' },
    });
    const [error] = errorsOf(response);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentStatus: 'REPORTED' });
  });

  it('rejects parts issued for another order', async () => {
    const other = await reportRepairOrder(request, fixture);
    const { lineId } = await issuedFor(other, '1');
    let order = await reportRepairOrder(request, fixture);
    order = await runSteps(order, 'dispatchRepairOrder', 'recordLabour');
    expect(order.status).toBe('IN_REPAIR');
    const response = await request(FIT, {
      input: { repairOrderId: order.id, requisitionLineId: lineId, quantity: '1' },
    });
    const [error] = errorsOf(response);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.requisitionLineId',
    });
  });

  it('keeps an order open while issued parts are unaccounted', async () => {
    let order = await reportRepairOrder(request, fixture);
    order = await runSteps(order, 'dispatchRepairOrder', 'recordLabour');
    const { requisition, lineId } = await issuedFor(order, '2');
    const usage = dataOf(
      'recordRepairPartUsed',
      await request<{ recordRepairPartUsed: { partUsage: { id: string; version: number } } }>(FIT, {
        input: { repairOrderId: order.id, requisitionLineId: lineId, quantity: '1' },
      }),
    ).recordRepairPartUsed.partUsage;
    order = await runSteps(order, 'recordLabour', 'closeRepairOrder');
    expect(order.status).toBe('ACCEPTED');

    const rejected = await request(CLOSE, { input: { id: order.id, version: order.version } });
    const [error] = errorsOf(rejected);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.missingItems).toEqual(['oldPartReturn', 'issuedParts']);
    expect(error.message).toContain('issued parts are neither fitted nor returned: RPP-PISTON-6');

    const disposition = `mutation($input: RecordOldPartDispositionInput!) {
      recordOldPartDisposition(input: $input) { partUsage { oldPartDisposition oldPartNote } }
    }`;
    const withoutNote = await request(disposition, {
      input: {
        id: usage.id,
        version: usage.version,
        disposition: 'NOT_RETURNED',
        on: '2026-12-01',
      },
    });
    expect(errorsOf(withoutNote)[0].extensions.field).toBe('input.note');
    dataOf(
      'recordOldPartDisposition',
      await request(disposition, {
        input: {
          id: usage.id,
          version: usage.version,
          disposition: 'SCRAPPED',
          on: '2026-12-01',
          note: 'Cracked crown, scrapped on site',
        },
      }),
    );
    dataOf(
      'returnRequisitionParts',
      await requisitionAction(
        request,
        'returnRequisitionParts',
        requisition,
        {},
        'RequisitionQuantitiesInput',
      ),
    );
    const closed = await request(CLOSE, { input: { id: order.id, version: order.version } });
    expect(dataOf('closeRepairOrder', closed)).toEqual({
      closeRepairOrder: { repairOrder: { status: 'CLOSED' } },
    });
  });
});
