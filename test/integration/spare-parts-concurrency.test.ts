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
      expect(error.message).toContain('requested 1.000, but none is available');
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

  describe('the same requisition moved twice at once', () => {
    const ROUNDS = 8;
    type Outcome = { errors?: readonly unknown[] };

    async function approvedRequisitions(partNumber: string) {
      const racePartId = await createPart(request, { partNumber });
      const supplierId = await createQualifiedSupplier(request, `SUP-${partNumber}`);
      await stockUp(request, supplierId, warehouseId, racePartId, String(ROUNDS * 2));
      const approved = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const requisition = await submittedRequisition(request, technicianId, [
          { partId: racePartId, warehouseId, quantity: '2' },
        ]);
        approved.push(
          dataOf(
            'approveRequisition',
            await requisitionAction(request, 'approveRequisition', requisition),
          ).approveRequisition.requisition,
        );
      }
      return { racePartId, approved };
    }

    /** Checks that the loser got CONFLICT, naming the states when the winner had committed. */
    function expectConflict(loser: Outcome, requestedStatus: string, winnerStatus: string) {
      const [error] = (loser.errors ?? []) as { extensions?: Record<string, unknown> }[];
      expect(error?.extensions?.code).toBe('CONFLICT');
      if (error?.extensions?.currentStatus !== undefined) {
        expect(error.extensions.currentStatus).toBe(winnerStatus);
        expect(error.extensions.requestedStatus).toBe(requestedStatus);
      } else {
        expect(error?.extensions?.field).toBe('input.version');
      }
    }

    it('issues once and rejects the second issue', async () => {
      const { racePartId, approved } = await approvedRequisitions('RACE-ISSUE-01');
      for (const requisition of approved) {
        const issue = () =>
          requisitionAction(
            request,
            'issueRequisition',
            requisition,
            {},
            'RequisitionQuantitiesInput',
          );
        const outcomes = await Promise.all([issue(), issue()]);
        const winners = outcomes.filter((outcome) => !outcome.errors);
        expect(winners).toHaveLength(1);
        expectConflict(
          outcomes.find((outcome) => outcome.errors)!,
          'ISSUED',
          'ISSUED',
        );
      }
      const stock = await stockOf(request, racePartId);
      expect(stock.stock.onHand).toBe('0.000');
      expect(stock.stock.reserved).toBe('0.000');
      expect((await ledgerSum(request, racePartId, warehouseId)).sum).toBe('0.000');
    });

    it('rejects whichever of issue and cancel comes second', async () => {
      const { racePartId, approved } = await approvedRequisitions('RACE-CANCEL-01');
      let issued = 0;
      for (const requisition of approved) {
        const [issue, cancel] = await Promise.all([
          requisitionAction(
            request,
            'issueRequisition',
            requisition,
            {},
            'RequisitionQuantitiesInput',
          ),
          requisitionAction(
            request,
            'cancelRequisition',
            requisition,
            { reason: 'Job cancelled' },
            'RequisitionDecisionInput',
          ),
        ]);
        expect([issue, cancel].filter((outcome) => !outcome.errors)).toHaveLength(1);
        if (issue.errors) {
          expectConflict(issue, 'ISSUED', 'CANCELLED');
        } else {
          issued += 1;
          expectConflict(cancel, 'CANCELLED', 'ISSUED');
        }
      }
      const stock = await stockOf(request, racePartId);
      expect(stock.stock.reserved).toBe('0.000');
      expect(stock.stock.onHand).toBe(`${ROUNDS * 2 - issued * 2}.000`);
      expect((await ledgerSum(request, racePartId, warehouseId)).sum).toBe(stock.stock.onHand);
    });
  });
});
