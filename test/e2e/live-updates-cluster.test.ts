import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STEPS,
  reportRepairOrder,
  runWorkflowStep,
  seedRepairFixture,
  type OrderState,
  type RepairFixture,
} from '../support/repair-fixture.js';
import {
  checkRedis,
  sleep,
  subscribeToChanges,
  TEST_REDIS_URL,
  waitUntil,
  type GraphqlRequest,
} from '../support/repair-live.js';
import { postGraphql, startServerProcess, type ServerProcess } from '../support/server-process.js';
import {
  createTestDatabase,
  databaseAvailable,
  databaseKind,
  type TestDatabase,
} from '../support/test-database.js';

const ADMIN_KEY = 'live-updates-cluster-admin-key-01234567';

// Two processes share one database only on PostgreSQL. Redis is probed there alone, and with
// TEST_REQUIRE_REDIS=1 an unreachable Redis fails this file instead of skipping it.
const runs = databaseKind === 'postgres' && databaseAvailable && (await checkRedis());

async function liveUpdatesOf(server: ServerProcess): Promise<string> {
  const response = await fetch(server.url.replace('/graphql', '/readyz'));
  return ((await response.json()) as { liveUpdates: string }).liveUpdates;
}

describe.runIf(runs)('live updates across two server processes', () => {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let first: ServerProcess;
  let second: ServerProcess;
  let viaFirst: GraphqlRequest;
  let fixture: RepairFixture;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.config.kind === 'postgres' ? database.config.url : '',
      REDIS_URL: TEST_REDIS_URL,
      PUBSUB_CHANNEL_PREFIX: `test-cluster-${suffix}:`,
      RATE_LIMIT_KEY_PREFIX: `test-cluster-${suffix}:rate-limit:`,
      BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY,
      DEMO_DATA: 'false',
    };
    // One after the other, so that only the first process runs the migrations.
    first = await startServerProcess(env);
    second = await startServerProcess(env);
    viaFirst = (query, variables) => postGraphql(first.url, ADMIN_KEY, query, variables);
    fixture = await seedRepairFixture(viaFirst, 'CL');
    await waitUntil('both processes to reach Redis', async () => {
      const states = await Promise.all([liveUpdatesOf(first), liveUpdatesOf(second)]);
      return states.every((state) => state === 'up');
    });
  });
  afterAll(async () => {
    const codes = await Promise.all([first?.stop(), second?.stop()]);
    await database?.drop();
    expect(codes.filter((code) => code !== undefined)).toEqual([0, 0]);
  });

  it('delivers across processes and resumes', async () => {
    const filter = { equipmentId: fixture.equipmentId };
    const live = subscribeToChanges(second.wsUrl, ADMIN_KEY, { filter });
    let order: OrderState;
    let lastEventId: string;
    try {
      await live.connected;
      // The stream starts at the newest event, so give the server time to read it.
      await sleep(300);
      order = await reportRepairOrder(viaFirst, fixture);
      order = await runWorkflowStep(viaFirst, fixture, LIFECYCLE_STEPS[0], order);
      const seen = await live.waitFor(2);
      expect(seen.map((item) => [item.kind, item.from, item.to])).toEqual([
        ['report', null, 'REPORTED'],
        ['dispatch', 'REPORTED', 'DISPATCHED'],
      ]);
      expect(seen[1].repairOrder?.id).toBe(order.id);
      lastEventId = seen[1].eventId!;

      live.cut();
      await waitUntil('the cut socket to close', () => live.closeCode() !== undefined);
    } finally {
      await live.close();
    }

    // Arrival, diagnosis and plan, committed through the first process while no subscriber is connected.
    for (const step of LIFECYCLE_STEPS.slice(1, 4)) {
      order = await runWorkflowStep(viaFirst, fixture, step, order);
    }
    expect(order.status).toBe('PLAN_SUBMITTED');

    const resumed = subscribeToChanges(second.wsUrl, ADMIN_KEY, { filter, after: lastEventId });
    try {
      const replayed = await resumed.waitFor(3);
      expect(replayed.map((item) => [item.kind, item.from, item.to])).toEqual([
        ['recordArrival', 'DISPATCHED', 'ON_SITE'],
        ['recordDiagnosis', 'ON_SITE', 'DIAGNOSED'],
        ['submitPlan', 'DIAGNOSED', 'PLAN_SUBMITTED'],
      ]);

      order = await runWorkflowStep(viaFirst, fixture, LIFECYCLE_STEPS[4], order);
      const items = await resumed.waitFor(4);
      expect([items[3].kind, items[3].from, items[3].to]).toEqual([
        'approvePlan',
        'PLAN_SUBMITTED',
        'PLAN_APPROVED',
      ]);
      const ids = items.map((item) => Number(item.eventId));
      expect(ids[0]).toBeGreaterThan(Number(lastEventId));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      await sleep(500);
      expect(resumed.items).toHaveLength(4);
      expect(resumed.errors).toEqual([]);
    } finally {
      await resumed.close();
    }
  });
});
