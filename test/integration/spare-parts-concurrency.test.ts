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
} from '../support/spare-parts-fixture.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const REQUESTS = 50;
const STOCK = '10';

describe.skipIf(!databaseAvailable)('concurrent requisitions against scarce stock', () => {
  let service: TestService;
  let request: GraphqlRequest;
  let partId: string;
  let warehouseId: string;
  let technicianId: string;

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    warehouseId = await createWarehouse(request, 'WH-RACE');
    partId = await createPart(request, { partNumber: 'RACE-SEAL-01', unitCost: '12.50' });
    const supplierId = await createQualifiedSupplier(request, 'SUP-RACE');
    await stockUp(request, supplierId, warehouseId, partId, STOCK);
    technicianId = dataOf(
      'createStaff',
      await request<{ createStaff: { staff: { id: string } } }>(
        `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
        {
          input: {
            employeeNumber: 'RACE-T1',
            name: 'Li Si',
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

  it('issues exactly the available stock to 50 concurrent requests', async () => {
    const requisitions = [];
    for (let index = 0; index < REQUESTS; index += 1) {
      requisitions.push(
        await submittedRequisition(request, technicianId, [{ partId, warehouseId, quantity: '1' }]),
      );
    }

    // Each request approves its requisition (reserving 1) and, once approved, issues it.
    const outcomes = await Promise.all(
      requisitions.map(async (requisition) => {
        const approved = await requisitionAction(request, 'approveRequisition', requisition);
        if (approved.errors) return { approved: false, errors: approved.errors };
        const issued = await requisitionAction(
          request,
          'issueRequisition',
          approved.data!.approveRequisition.requisition,
          {},
          'RequisitionQuantitiesInput',
        );
        return { approved: true, issued: issued.data?.issueRequisition.requisition.status };
      }),
    );

    const successes = outcomes.filter((outcome) => outcome.approved);
    const failures = outcomes.filter((outcome) => !outcome.approved);
    expect(successes).toHaveLength(10);
    expect(successes.every((outcome) => outcome.issued === 'ISSUED')).toBe(true);
    expect(failures).toHaveLength(40);
    for (const failure of failures) {
      const [error] = failure.errors as {
        message: string;
        extensions: Record<string, unknown>;
      }[];
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.reason).toBe('SPARE_PARTS_INSUFFICIENT_STOCK');
      expect(error.extensions.partNumber).toBe('RACE-SEAL-01');
      expect(error.extensions.warehouseCode).toBe('WH-RACE');
      expect(error.extensions.requested).toBe('1.000');
      expect(error.extensions.available).toBe('0.000');
      expect(error.message).toContain('requested 1.000, available 0.000');
    }

    const stock = await stockOf(request, partId);
    expect(stock.stock.onHand).toBe('0.000');
    expect(stock.stock.reserved).toBe('0.000');
    expect(stock.stock.available).toBe('0.000');
    const ledger = await ledgerSum(request, partId, warehouseId);
    expect(ledger.sum).toBe(stock.stockLevels[0].onHand);
    // One receipt and ten issues.
    expect(ledger.count).toBe(11);
  });
});
