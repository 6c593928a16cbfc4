import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../core/api/global-id.js';
import { StaffRole } from '../../core/entities/enums.js';
import { NodeEntity } from '../../core/entities/node-entity.js';
import type { AccessRule } from '../../core/security/access.js';
import { tenancyOf } from '../../core/security/tenancy.js';
import { ApiScope, type Principal } from '../../core/security/principal.js';
import { TEST_ADMIN } from '../support/test-service.js';
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

function staff(role: StaffRole): Principal {
  return {
    kind: 'staff',
    id: `staff:${role.toLowerCase()}`,
    name: `test ${role.toLowerCase()}`,
    roles: [role],
    scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
  };
}

const REQUISITION_LINES = `query($id: ID!) { requisition(id: $id) {
  status version
  lines { id quantity issuedQuantity returnedQuantity custodianConfirmedAt part { partNumber } }
} }`;

describe.skipIf(!databaseAvailable)('spare-parts requisitions', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let technicianId: string;
  let warehouseId: string;
  let sealId: string;
  let gaugeId: string;

  const errorsOf = (response: { errors?: readonly unknown[] }) =>
    (response.errors ?? []) as GraphqlError[];

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    warehouseId = await createWarehouse(request, 'WH-MAIN');
    sealId = await createPart(request, { partNumber: 'MP-VS-0175', unitCost: '120.00' });
    gaugeId = await createPart(request, {
      partNumber: 'GAUGE-DIG-70',
      unitCost: '8800.00',
      valuable: true,
    });
    const supplierId = await createQualifiedSupplier(request, 'SUP-REQ');
    await stockUp(request, supplierId, warehouseId, sealId, '20');
    await stockUp(request, supplierId, warehouseId, gaugeId, '2');
    technicianId = dataOf(
      'createStaff',
      await request<{ createStaff: { staff: { id: string } } }>(
        `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
        {
          input: {
            employeeNumber: 'REQ-T1',
            name: 'Zhao Liu',
            department: 'REPAIR',
            roles: ['TECHNICIAN'],
          },
        },
      ),
    ).createStaff.staff.id;
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reserves on approval and releases on partial issue', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '6' },
    ]);
    const approved = dataOf(
      'approveRequisition',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    expect(approved.status).toBe('APPROVED');
    expect((await stockOf(request, sealId)).stock).toMatchObject({
      onHand: '20.000',
      reserved: '6.000',
      available: '14.000',
    });

    const partial = dataOf(
      'issueRequisition',
      await requisitionAction(
        request,
        'issueRequisition',
        approved,
        { lines: [{ lineId: requisition.lines[0].id, quantity: '4' }] },
        'RequisitionQuantitiesInput',
      ),
    ).issueRequisition.requisition;
    expect(partial.status).toBe('PARTIALLY_ISSUED');
    expect((await stockOf(request, sealId)).stock).toMatchObject({
      onHand: '16.000',
      reserved: '2.000',
      available: '14.000',
    });

    const rest = dataOf(
      'issueRequisition',
      await requisitionAction(
        request,
        'issueRequisition',
        partial,
        {},
        'RequisitionQuantitiesInput',
      ),
    ).issueRequisition.requisition;
    expect(rest.status).toBe('ISSUED');
    expect((await stockOf(request, sealId)).stock).toMatchObject({
      onHand: '14.000',
      reserved: '0.000',
      available: '14.000',
    });

    const returned = dataOf(
      'returnRequisitionParts',
      await requisitionAction(
        request,
        'returnRequisitionParts',
        rest,
        { lines: [{ lineId: requisition.lines[0].id, quantity: '1.5' }], note: 'not needed' },
        'RequisitionQuantitiesInput',
      ),
    ).returnRequisitionParts.requisition;
    expect(returned.status).toBe('ISSUED');
    const lines = dataOf('requisition', await request(REQUISITION_LINES, { id: requisition.id }));
    expect(lines).toMatchObject({
      requisition: {
        lines: [{ quantity: '6.000', issuedQuantity: '6.000', returnedQuantity: '1.500' }],
      },
    });
    expect((await stockOf(request, sealId)).stock.onHand).toBe('15.500');
    const ledger = await ledgerSum(request, sealId, warehouseId);
    expect(ledger.sum).toBe('15.500');
    expect(ledger.count).toBe(4);
  });

  it('rejects returning more than was issued and kept', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '1' },
    ]);
    const approved = dataOf(
      'approveRequisition',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    const issued = dataOf(
      'issueRequisition',
      await requisitionAction(
        request,
        'issueRequisition',
        approved,
        {},
        'RequisitionQuantitiesInput',
      ),
    ).issueRequisition.requisition;
    const response = await requisitionAction(
      request,
      'returnRequisitionParts',
      issued,
      { lines: [{ lineId: requisition.lines[0].id, quantity: '2' }] },
      'RequisitionQuantitiesInput',
    );
    const [error] = errorsOf(response);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.lines.0.quantity');
    expect(error.message).toContain('2.000 exceeds');
  });

  it('rejects an illegal move naming both states', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '1' },
    ]);
    const response = await requisitionAction(
      request,
      'issueRequisition',
      requisition,
      {},
      'RequisitionQuantitiesInput',
    );
    const [error] = errorsOf(response);
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.extensions.currentStatus).toBe('SUBMITTED');
    expect(error.extensions.requestedStatus).toBe('ISSUED');
    expect(error.message).toContain('is SUBMITTED and cannot become ISSUED');
  });

  it('rejects with a reason and keeps stock', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '3' },
    ]);
    const before = (await stockOf(request, sealId)).stock;
    const rejected = dataOf(
      'rejectRequisition',
      await requisitionAction(
        request,
        'rejectRequisition',
        requisition,
        { reason: 'Use the refurbished seats first' },
        'RequisitionDecisionInput',
      ),
    ).rejectRequisition.requisition;
    expect(rejected.status).toBe('REJECTED');
    expect((await stockOf(request, sealId)).stock).toEqual(before);
    const again = await requisitionAction(request, 'approveRequisition', rejected);
    expect(errorsOf(again)[0].extensions.code).toBe('CONFLICT');
  });

  it('releases the reservation on cancellation', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '5' },
    ]);
    const before = (await stockOf(request, sealId)).stock;
    const approved = dataOf(
      'approveRequisition',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    expect((await stockOf(request, sealId)).stock.reserved).not.toBe(before.reserved);
    const cancelled = dataOf(
      'cancelRequisition',
      await requisitionAction(
        request,
        'cancelRequisition',
        approved,
        { reason: 'Repair postponed' },
        'RequisitionDecisionInput',
      ),
    ).cancelRequisition.requisition;
    expect(cancelled.status).toBe('CANCELLED');
    expect((await stockOf(request, sealId)).stock).toEqual(before);
  });

  it('creates a retried requisition once', async () => {
    const create = () =>
      request<{ createRequisition: { requisition: { id: string; number: string } } }>(
        `mutation($input: CreateRequisitionInput!) {
          createRequisition(input: $input) { requisition { id number } }
        }`,
        {
          input: {
            idempotencyKey: 'app-requisition-7f3a9c',
            technicianId,
            lines: [{ partId: sealId, warehouseId, quantity: '2' }],
          },
        },
      );
    const first = dataOf('createRequisition', await create()).createRequisition.requisition;
    const retry = dataOf('createRequisition', await create()).createRequisition.requisition;
    expect(retry).toEqual(first);
  });

  it('rejects a stale version', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '1' },
    ]);
    const stale: Versioned = { ...requisition, version: requisition.version - 1 };
    const [error] = errorsOf(await requisitionAction(request, 'approveRequisition', stale));
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.extensions.field).toBe('input.version');
  });

  it('needs the custodian before issuing a valuable part', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: gaugeId, warehouseId, quantity: '1' },
    ]);
    const approved = dataOf(
      'approveRequisition',
      await requisitionAction(request, 'approveRequisition', requisition),
    ).approveRequisition.requisition;
    const rejected = await requisitionAction(
      request,
      'issueRequisition',
      approved,
      {},
      'RequisitionQuantitiesInput',
    );
    const [error] = errorsOf(rejected);
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.extensions.reason).toBe('SPARE_PARTS_CUSTODIAN_CONFIRMATION_REQUIRED');
    expect((await stockOf(request, gaugeId)).stock.onHand).toBe('2.000');

    const confirm = `mutation($input: RequisitionActionInput!) {
      confirmRequisitionIssue(input: $input) { requisition { id version status } }
    }`;
    const byClerk = await service.run(
      confirm,
      { input: { id: approved.id, version: approved.version } },
      staff(StaffRole.PARTS_CLERK),
    );
    expect(byClerk.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byCustodian = await service.run<{
      confirmRequisitionIssue: { requisition: Versioned };
    }>(
      confirm,
      { input: { id: approved.id, version: approved.version } },
      staff(StaffRole.PARTS_CUSTODIAN),
    );
    expect(byCustodian.result.errors).toBeUndefined();
    const confirmed = byCustodian.result.data!.confirmRequisitionIssue.requisition;
    const issued = dataOf(
      'issueRequisition',
      await requisitionAction(
        request,
        'issueRequisition',
        confirmed,
        {},
        'RequisitionQuantitiesInput',
      ),
    ).issueRequisition.requisition;
    expect(issued.status).toBe('ISSUED');
    const lines = dataOf(
      'requisition',
      await request<{ requisition: { lines: { custodianConfirmedAt: string | null }[] } }>(
        REQUISITION_LINES,
        { id: requisition.id },
      ),
    );
    expect(lines.requisition.lines[0].custodianConfirmedAt).not.toBeNull();
  });

  it('lets only the service manager approve', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '1' },
    ]);
    const approve = `mutation($input: RequisitionActionInput!) {
      approveRequisition(input: $input) { requisition { status } }
    }`;
    const input = { input: { id: requisition.id, version: requisition.version } };
    for (const role of [StaffRole.TECHNICIAN, StaffRole.PARTS_CLERK, StaffRole.VIEWER]) {
      const denied = await service.run(approve, input, staff(role));
      expect(denied.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const allowed = await service.run(approve, input, staff(StaffRole.SERVICE_MANAGER));
    expect(allowed.result.errors).toBeUndefined();
  });

  it('moves stock between warehouses in pairs', async () => {
    const yardId = await createWarehouse(request, 'WH-YARD');
    const before = (await stockOf(request, sealId)).stock;
    const response = await request<{
      createStockTransfer: { stockTransfer: { quantity: string; fromWarehouse: { code: string } } };
    }>(
      `mutation($input: CreateStockTransferInput!) {
        createStockTransfer(input: $input) {
          stockTransfer { quantity fromWarehouse { code } toWarehouse { code } }
        }
      }`,
      {
        input: {
          partId: sealId,
          fromWarehouseId: warehouseId,
          toWarehouseId: yardId,
          quantity: '2.5',
        },
      },
    );
    expect(dataOf('createStockTransfer', response).createStockTransfer.stockTransfer).toEqual({
      quantity: '2.500',
      fromWarehouse: { code: 'WH-MAIN' },
      toWarehouse: { code: 'WH-YARD' },
    });
    const after = await stockOf(request, sealId);
    expect(after.stock).toEqual(before);
    const yard = after.stockLevels.find((level) => level.warehouse.code === 'WH-YARD');
    expect(yard?.onHand).toBe('2.500');
    expect((await ledgerSum(request, sealId, yardId)).sum).toBe('2.500');

    const tooMuch = await request(
      `mutation($input: CreateStockTransferInput!) {
        createStockTransfer(input: $input) { stockTransfer { quantity } }
      }`,
      {
        input: {
          partId: sealId,
          fromWarehouseId: yardId,
          toWarehouseId: warehouseId,
          quantity: '3',
        },
      },
    );
    const [error] = errorsOf(tooMuch);
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      requested: '3.000',
      available: '2.500',
      warehouseCode: 'WH-YARD',
    });
  });

  it('filters the ledger by kind and part', async () => {
    const response = await request<{
      stockMovements: {
        totalCount: number;
        edges: { node: Record<string, unknown> }[];
      };
    }>(
      `query($filter: StockMovementFilter) {
        stockMovements(first: 50, filter: $filter) {
          totalCount
          edges { node { kind quantity receiptLine { qualityCertificateNumber } requisitionLine { id } } }
        }
      }`,
      { filter: { partId: sealId, kinds: ['RECEIPT'] } },
    );
    const movements = dataOf('stockMovements', response).stockMovements;
    expect(movements.totalCount).toBe(1);
    expect(movements.edges[0].node).toEqual({
      kind: 'RECEIPT',
      quantity: '20.000',
      receiptLine: { qualityCertificateNumber: 'QC-0001' },
      requisitionLine: null,
    });
  });

  it('links a requisition line to its requisition', async () => {
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: sealId, warehouseId, quantity: '1' },
    ]);
    const response = await request<{
      node: { requisition: { id: string; status: string } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on RequisitionLine { requisition { id status } } } }`,
      { id: requisition.lines[0].id },
    );
    expect(dataOf('node', response).node.requisition).toEqual({
      id: requisition.id,
      status: 'SUBMITTED',
    });
  });

  it('rejects quantities with surrounding spaces', async () => {
    for (const quantity of [' 1', '1 ', '\t1', '1\n']) {
      const response = await request(
        `mutation($input: CreateRequisitionInput!) { createRequisition(input: $input) { requisition { id } } }`,
        { input: { technicianId, lines: [{ partId: sealId, warehouseId, quantity }] } },
      );
      const [error] = errorsOf(response);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.lines[0].quantity');
      expect(error.message).toContain('remove the spaces around the number');
    }
  });

  it('says that nothing is available', async () => {
    const emptyId = await createPart(request, { partNumber: 'MP-EMPTY-01' });
    const requisition = await submittedRequisition(request, technicianId, [
      { partId: emptyId, warehouseId, quantity: '1' },
    ]);
    const [error] = errorsOf(await requisitionAction(request, 'approveRequisition', requisition));
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.extensions.available).toBe('0.000');
    expect(error.message).toContain('requested 1.000, but none is available');
    expect(error.message).not.toContain('Request at most');
  });

  it('hides internal records in node from customer keys', async () => {
    const customer: Principal = {
      kind: 'api-client',
      id: 'api-client:customer',
      name: 'test customer key',
      roles: [],
      scopes: [ApiScope.READ],
      customerId: randomUUID(),
    };
    const nodeQuery = 'query($id: ID!) { node(id: $id) { id } }';
    const ownQueries = new Map<string, AccessRule[]>();
    for (const field of Object.values(service.runtime.schema.getQueryType()!.getFields())) {
      if (field.name === 'node' || !field.args.some((arg) => arg.name === 'id')) continue;
      const typeName = field.type.toString().replace(/[[\]!]/g, '');
      ownQueries.set(typeName, [
        ...(ownQueries.get(typeName) ?? []),
        field.extensions.access as AccessRule,
      ]);
    }
    const em = service.runtime.createScope(TEST_ADMIN).em;
    const checked: string[] = [];
    for (const meta of Object.values(em.getMetadata().getAll())) {
      if (!meta.class || !(meta.class.prototype instanceof NodeEntity)) continue;
      const [record] = (await em.find(meta.className, {}, { filters: false, limit: 1 })) as {
        id: string;
      }[];
      if (!record) continue;
      const tenancy = tenancyOf(meta.className);
      const readable =
        tenancy !== undefined &&
        'shared' in tenancy &&
        (ownQueries.get(meta.className) ?? [{ roles: 'any', customers: true }]).some(
          (rule) => rule.customers,
        );
      if (readable) continue;
      const existing = await service.run(
        nodeQuery,
        { id: toGlobalId(meta.className, record.id) },
        customer,
      );
      const missing = await service.run(
        nodeQuery,
        { id: toGlobalId(meta.className, randomUUID()) },
        customer,
      );
      const codes = (result: typeof existing.result) =>
        (result.errors ?? []).map((error) => error.extensions?.code);
      expect(existing.result.data?.node ?? null, meta.className).toBeNull();
      expect(codes(existing.result), meta.className).toEqual(['NOT_FOUND']);
      expect(codes(existing.result), meta.className).toEqual(codes(missing.result));
      checked.push(meta.className);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'Part',
        'Warehouse',
        'Requisition',
        'RequisitionLine',
        'StockMovement',
      ]),
    );
  });
});
