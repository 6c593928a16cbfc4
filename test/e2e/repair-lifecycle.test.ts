import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STEPS,
  reportRepairOrder,
  runWorkflowStep,
  seedRepairFixture,
  type RepairFixture,
} from '../support/repair-fixture.js';
import { sleep, subscribeToChanges, type GraphqlRequest } from '../support/repair-live.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/test-service.js';

/**
 * Each event of the lifecycle: the step's kind and the states before and after. Every workflow
 * step is logged, so recordLabour appears although it keeps the state.
 */
const EXPECTED_CHANGES = [
  ['report', null, 'REPORTED'],
  ['dispatch', 'REPORTED', 'DISPATCHED'],
  ['recordArrival', 'DISPATCHED', 'ON_SITE'],
  ['recordDiagnosis', 'ON_SITE', 'DIAGNOSED'],
  ['submitPlan', 'DIAGNOSED', 'PLAN_SUBMITTED'],
  ['approvePlan', 'PLAN_SUBMITTED', 'PLAN_APPROVED'],
  ['startRepair', 'PLAN_APPROVED', 'IN_REPAIR'],
  ['recordLabour', 'IN_REPAIR', 'IN_REPAIR'],
  ['completeRepair', 'IN_REPAIR', 'AWAITING_ACCEPTANCE'],
  ['accept', 'AWAITING_ACCEPTANCE', 'ACCEPTED'],
  ['close', 'ACCEPTED', 'CLOSED'],
];

describe.skipIf(!databaseAvailable)('repair order lifecycle', () => {
  let service: TestService;
  let fixture: RepairFixture;
  let otherFixture: RepairFixture;
  let request: GraphqlRequest;

  beforeAll(async () => {
    service = await startTestService();
    request = (query, variables) => service.http(query, variables);
    fixture = await seedRepairFixture(request, 'LC');
    otherFixture = await seedRepairFixture(request, 'LC2');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('streams every change from report to close', async () => {
    const subscriber = subscribeToChanges(service.server.wsUrl, TEST_ADMIN_KEY, {
      filter: { equipmentId: fixture.equipmentId },
    });
    try {
      await subscriber.connected;
      // Without `after` the stream starts at the newest event, read once the subscription starts.
      await sleep(300);
      let order = await reportRepairOrder(request, fixture);
      // An order on another unit, moved alongside, must not reach this subscriber.
      let other = await reportRepairOrder(request, otherFixture);
      for (const step of LIFECYCLE_STEPS) {
        order = await runWorkflowStep(request, fixture, step, order);
        if (step.mutation === 'dispatchRepairOrder') {
          other = await runWorkflowStep(request, otherFixture, step, other);
        }
      }
      expect(order.status).toBe('CLOSED');
      expect(other.status).toBe('DISPATCHED');

      const items = await subscriber.waitFor(EXPECTED_CHANGES.length);
      expect(items.map((item) => [item.kind, item.from, item.to])).toEqual(EXPECTED_CHANGES);
      expect(items.every((item) => item.__typename === 'RepairOrderChangedEvent')).toBe(true);
      expect(items.every((item) => item.repairOrder?.id === order.id)).toBe(true);
      const ids = items.map((item) => Number(item.eventId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);

      // Nothing follows, because the other unit's changes are filtered out.
      await sleep(500);
      expect(subscriber.items).toHaveLength(EXPECTED_CHANGES.length);
      expect(subscriber.errors).toEqual([]);
    } finally {
      await subscriber.close();
    }
  });
});
