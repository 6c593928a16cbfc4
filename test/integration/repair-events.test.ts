import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toGlobalId } from '../../core/api/global-id.js';
import { Customer } from '../../core/entities/customer.entity.js';
import { CustomerKind, EquipmentCategory } from '../../core/entities/enums.js';
import { EquipmentModel } from '../../core/entities/equipment-model.entity.js';
import { Equipment } from '../../core/entities/equipment.entity.js';
import { createApiClient } from '../../core/security/api-keys.js';
import { ApiScope } from '../../core/security/principal.js';
import { RepairOrderEvent } from '../../plugins/repair/entities/repair-order-event.entity.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import {
  RepairOrderStatus,
  RepairOrderType,
  ReportChannel,
} from '../../plugins/repair/entities/repair-order.enums.js';
import { deleteExpiredRepairOrderEvents } from '../../plugins/repair/events/repair-event-retention.js';
import type { RepairOrderChangedEvent } from '../../plugins/repair/api/repair-order-changed.types.js';
import { recordRepairOrderChanged } from '../../plugins/repair/events/repair-order-changed.event.js';
import { repairOrderEventHub } from '../../plugins/repair/events/repair-order-event-hub.js';
import { streamRepairOrderChanges } from '../../plugins/repair/events/repair-order-event-stream.js';
import { totalStatements } from '../../core/database/statement-counter.js';
import { databaseAvailable, databaseKind } from '../support/test-database.js';
import { checkRedis, waitUntil } from '../support/repair-live.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/test-service.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Fails instead of skipping when TEST_REQUIRE_REDIS=1, as in CI.
const redisAvailable = await checkRedis();

const SUBSCRIPTION = `
  subscription Changes($filter: RepairOrderChangedFilter, $after: ID) {
    repairOrderChanged(filter: $filter, after: $after) {
      __typename
      ... on RepairOrderChangedEvent {
        eventId kind from to occurredAt
        repairOrder { id number status customer { code } }
      }
      ... on RepairOrderEventsGap { after deletedThroughEventId message }
    }
  }`;

interface ChangeItem {
  __typename: 'RepairOrderChangedEvent' | 'RepairOrderEventsGap';
  eventId?: string;
  kind?: string;
  from?: string | null;
  to?: string;
  repairOrder?: { id: string; number: string; status: string; customer: { code: string } };
  after?: string;
  deletedThroughEventId?: string;
}

/** A running subscription that collects what it receives. */
interface Subscriber {
  items: ChangeItem[];
  errors: unknown[];
  /** Resolves once `count` items arrived, and rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ChangeItem[]>;
  close(): Promise<void>;
}

function subscribe(
  service: TestService,
  variables: Record<string, unknown>,
  key = TEST_ADMIN_KEY,
): Subscriber {
  const client: Client = createClient({
    url: service.server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${key}` },
  });
  const items: ChangeItem[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const dispose = client.subscribe<{ repairOrderChanged: ChangeItem }>(
    { query: SUBSCRIPTION, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) items.push(value.data.repairOrderChanged);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => {
        errors.push(error);
        for (const wake of waiters.splice(0)) wake();
      },
      complete: () => undefined,
    },
  );
  return {
    items,
    errors,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (items.length < count) {
        if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new Error(`expected ${count} items within ${timeoutMs} ms, got ${items.length}`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return items.slice(0, count);
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fixture {
  alpha: Customer;
  bravo: Customer;
  alphaPump: Equipment;
  alphaRig: Equipment;
  bravoPump: Equipment;
  /** A key bound to customer ALPHA with the SUBSCRIBE scope. */
  alphaKey: string;
}

async function seed(service: TestService): Promise<Fixture> {
  return service.runtime.runAsSystem(async (scope) => {
    const em = scope.em;
    const model = em.create(EquipmentModel, {
      manufacturer: 'Lanzhou LS',
      modelCode: 'F-1600',
      category: EquipmentCategory.MUD_PUMP,
    });
    const alpha = em.create(Customer, {
      code: 'EV-ALPHA',
      name: 'Alpha Drilling',
      kind: CustomerKind.DRILLING_CONTRACTOR,
    });
    const bravo = em.create(Customer, {
      code: 'EV-BRAVO',
      name: 'Bravo Gas',
      kind: CustomerKind.OPERATOR,
    });
    const unit = (serialNumber: string, customer: Customer) =>
      em.create(Equipment, { serialNumber, model, customer, site: null, parent: null });
    const alphaPump = unit('EV-A-MP-1', alpha);
    const alphaRig = unit('EV-A-RIG-1', alpha);
    const bravoPump = unit('EV-B-MP-1', bravo);
    await em.flush();
    const { key } = await createApiClient(scope, {
      name: 'Alpha ERP',
      scopes: [ApiScope.READ, ApiScope.SUBSCRIBE],
      customerCode: 'EV-ALPHA',
    });
    return { alpha, bravo, alphaPump, alphaRig, bravoPump, alphaKey: key };
  });
}

let orderCounter = 0;

/** Creates an order and records its report event in one flush, as createRepairOrder does. */
async function reportOrder(service: TestService, unit: Equipment): Promise<RepairOrder> {
  return service.runtime.runAsSystem(async (scope) => {
    const order = newOrder(scope.em, unit);
    recordRepairOrderChanged(scope, order, {
      kind: 'report',
      from: null,
      to: RepairOrderStatus.REPORTED,
    });
    await scope.em.flush();
    return order;
  });
}

function newOrder(em: EntityManager, unit: Equipment): RepairOrder {
  orderCounter += 1;
  return em.create(RepairOrder, {
    number: `RO-EV-${randomBytes(3).toString('hex')}-${orderCounter}`,
    equipment: em.getReference(Equipment, unit.id),
    customer: em.getReference(Customer, unit.customer.id),
    reportedAt: new Date(),
    channel: ReportChannel.PHONE,
    faultDescription: 'Valve seat washout',
    orderType: RepairOrderType.CORRECTIVE_REPAIR,
  });
}

/** Moves an order to `to` and records the change in the same flush. */
async function changeStatus(
  service: TestService,
  order: RepairOrder,
  kind: string,
  to: RepairOrderStatus,
): Promise<void> {
  await service.runtime.runAsSystem(async (scope) => {
    const current = await scope.em.findOneOrFail(RepairOrder, { id: order.id });
    const from = current.status;
    current.status = to;
    recordRepairOrderChanged(scope, current, { kind, from, to });
    await scope.em.flush();
  });
}

async function newestEventId(service: TestService): Promise<number> {
  return service.runtime.runAsSystem(async (scope) => {
    const newest = await scope.em.findOne(
      RepairOrderEvent,
      { id: { $gt: 0 } },
      { orderBy: { id: 'DESC' } },
    );
    return newest?.id ?? 0;
  });
}

describe.skipIf(!databaseAvailable)('repair order change events', () => {
  let service: TestService;
  let fixture: Fixture;

  beforeAll(async () => {
    service = await startTestService();
    fixture = await seed(service);
  });
  afterEach(async () => {
    // A subscription that stays in the hub after its client left would leak memory and CPU.
    const hub = repairOrderEventHub(service.runtime.createScope());
    await waitUntil(
      'every closed subscription to leave the hub',
      () => hub.memberCount === 0,
      3_000,
    );
  });
  afterAll(async () => {
    await service?.close();
  });

  it('delivers a change live after it commits', async () => {
    const subscriber = subscribe(service, {});
    try {
      // The subscription starts at the newest event; give the server time to read it.
      await sleep(300);
      const order = await reportOrder(service, fixture.alphaPump);
      const [item] = await subscriber.waitFor(1);
      expect(item.__typename).toBe('RepairOrderChangedEvent');
      expect(item.kind).toBe('report');
      expect(item.from).toBeNull();
      expect(item.to).toBe('REPORTED');
      expect(item.repairOrder?.id).toBe(toGlobalId('RepairOrder', order.id));
      expect(item.repairOrder?.customer.code).toBe('EV-ALPHA');
    } finally {
      await subscriber.close();
    }
  });

  it('delivers nothing before commit and nothing on rollback', async () => {
    const after = await newestEventId(service);
    const subscriber = subscribe(service, { after: String(after) });
    try {
      const scope = service.runtime.createScope();
      await scope.em.begin();
      const pending = newOrder(scope.em, fixture.alphaPump);
      recordRepairOrderChanged(scope, pending, {
        kind: 'report',
        from: null,
        to: RepairOrderStatus.REPORTED,
      });
      await scope.em.flush();
      await sleep(400);
      expect(subscriber.items).toHaveLength(0);
      await scope.em.commit();
      const [committed] = await subscriber.waitFor(1);
      expect(committed.repairOrder?.id).toBe(toGlobalId('RepairOrder', pending.id));

      const rolledBack = service.runtime.createScope();
      await rolledBack.em.begin();
      const discarded = newOrder(rolledBack.em, fixture.alphaPump);
      recordRepairOrderChanged(rolledBack, discarded, {
        kind: 'report',
        from: null,
        to: RepairOrderStatus.REPORTED,
      });
      await rolledBack.em.flush();
      await rolledBack.em.rollback();
      const marker = await reportOrder(service, fixture.alphaPump);
      const items = await subscriber.waitFor(2);
      expect(items[1].repairOrder?.id).toBe(toGlobalId('RepairOrder', marker.id));
      expect(subscriber.items.map((item) => item.repairOrder?.id)).not.toContain(
        toGlobalId('RepairOrder', discarded.id),
      );
    } finally {
      await subscriber.close();
    }
  });

  it('records a report event for createRepairOrder', async () => {
    const after = await newestEventId(service);
    const subscriber = subscribe(service, { after: String(after) });
    try {
      const result = await service.http<{ createRepairOrder: { repairOrder: { id: string } } }>(
        `mutation Create($input: CreateRepairOrderInput!) {
          createRepairOrder(input: $input) { repairOrder { id } }
        }`,
        {
          input: {
            equipmentId: toGlobalId('Equipment', fixture.alphaRig.id),
            channel: 'PHONE',
            faultDescription: 'Top drive gearbox overheating',
            orderType: 'CORRECTIVE_REPAIR',
          },
        },
      );
      expect(result.errors).toBeUndefined();
      const [item] = await subscriber.waitFor(1);
      expect(item.kind).toBe('report');
      expect(item.to).toBe('REPORTED');
      expect(item.repairOrder?.id).toBe(result.data!.createRepairOrder.repairOrder.id);
    } finally {
      await subscriber.close();
    }
  });

  it('applies equipment and status filters', async () => {
    const after = await newestEventId(service);
    const subscriber = subscribe(service, {
      after: String(after),
      filter: {
        equipmentId: toGlobalId('Equipment', fixture.alphaPump.id),
        statuses: ['DISPATCHED'],
      },
    });
    try {
      const pumpOrder = await reportOrder(service, fixture.alphaPump);
      const rigOrder = await reportOrder(service, fixture.alphaRig);
      await changeStatus(service, rigOrder, 'dispatch', RepairOrderStatus.DISPATCHED);
      await changeStatus(service, pumpOrder, 'dispatch', RepairOrderStatus.DISPATCHED);
      const [item] = await subscriber.waitFor(1);
      expect(item.repairOrder?.id).toBe(toGlobalId('RepairOrder', pumpOrder.id));
      expect(item.from).toBe('REPORTED');
      expect(item.to).toBe('DISPATCHED');
      await sleep(300);
      expect(subscriber.items).toHaveLength(1);
    } finally {
      await subscriber.close();
    }
  });

  it('shows a partner key its customer only', async () => {
    const after = await newestEventId(service);
    const partner = subscribe(service, { after: String(after) }, fixture.alphaKey);
    // Asking for another customer's events yields nothing rather than their events.
    const prying = subscribe(
      service,
      { after: String(after), filter: { customerId: toGlobalId('Customer', fixture.bravo.id) } },
      fixture.alphaKey,
    );
    try {
      const bravoOrder = await reportOrder(service, fixture.bravoPump);
      const alphaOrder = await reportOrder(service, fixture.alphaPump);
      await changeStatus(service, bravoOrder, 'dispatch', RepairOrderStatus.DISPATCHED);
      const [item] = await partner.waitFor(1);
      expect(item.repairOrder?.id).toBe(toGlobalId('RepairOrder', alphaOrder.id));
      await sleep(300);
      expect(partner.items).toHaveLength(1);
      expect(partner.errors).toEqual([]);
      expect(prying.items).toHaveLength(0);
      expect(prying.errors).toEqual([]);
    } finally {
      await partner.close();
      await prying.close();
    }
  });

  it('resumes after an event id without gaps or duplicates', async () => {
    const start = await newestEventId(service);
    const first = subscribe(service, { after: String(start) });
    const order = await reportOrder(service, fixture.alphaPump);
    const [seen] = await first.waitFor(1);
    await first.close();

    // Changes made while no subscriber listens.
    await changeStatus(service, order, 'dispatch', RepairOrderStatus.DISPATCHED);
    await changeStatus(service, order, 'arrive', RepairOrderStatus.ON_SITE);
    await changeStatus(service, order, 'diagnose', RepairOrderStatus.DIAGNOSED);

    const resumed = subscribe(service, { after: seen.eventId });
    try {
      const replayed = await resumed.waitFor(3);
      expect(replayed.map((item) => item.kind)).toEqual(['dispatch', 'arrive', 'diagnose']);
      await changeStatus(service, order, 'submitPlan', RepairOrderStatus.PLAN_SUBMITTED);
      const items = await resumed.waitFor(4);
      expect(items[3].kind).toBe('submitPlan');
      const ids = items.map((item) => Number(item.eventId));
      expect(ids.every((id) => id > Number(seen.eventId))).toBe(true);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      await sleep(300);
      expect(resumed.items).toHaveLength(4);
    } finally {
      await resumed.close();
    }
  });

  it('reports a gap when the events after the position were deleted', async () => {
    const start = await newestEventId(service);
    await reportOrder(service, fixture.alphaPump);
    await reportOrder(service, fixture.alphaPump);
    const deleted = await service.runtime.runAsSystem((scope) =>
      // Retention of one hour, evaluated two hours from now, expires every event so far.
      deleteExpiredRepairOrderEvents(scope, 1, new Date(Date.now() + 2 * 3_600_000)),
    );
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await newestEventId(service)).toBe(0);
    const later = await reportOrder(service, fixture.alphaRig);

    const subscriber = subscribe(service, { after: String(start) });
    try {
      const [gap, next] = await subscriber.waitFor(2);
      expect(gap.__typename).toBe('RepairOrderEventsGap');
      expect(gap.after).toBe(String(start));
      expect(Number(gap.deletedThroughEventId)).toBeGreaterThan(start);
      expect(next.__typename).toBe('RepairOrderChangedEvent');
      expect(next.repairOrder?.id).toBe(toGlobalId('RepairOrder', later.id));
    } finally {
      await subscriber.close();
    }
  });

  it('publishes changes made in em.transactional', async () => {
    const after = await newestEventId(service);
    const subscriber = subscribe(service, { after: String(after) });
    try {
      const scope = service.runtime.createScope();
      const order = await scope.em.transactional(async (em) => {
        const created = newOrder(em, fixture.alphaPump);
        recordRepairOrderChanged(scope, created, {
          kind: 'report',
          from: null,
          to: RepairOrderStatus.REPORTED,
        });
        return created;
      });
      const [item] = await subscriber.waitFor(1);
      expect(item.repairOrder?.id).toBe(toGlobalId('RepairOrder', order.id));
    } finally {
      await subscriber.close();
    }
  });

  it.skipIf(databaseKind !== 'postgres')('numbers concurrent events in commit order', async () => {
    const first = service.runtime.createScope();
    const second = service.runtime.createScope();
    await first.em.begin();
    await second.em.begin();
    try {
      const firstOrder = newOrder(first.em, fixture.alphaPump);
      recordRepairOrderChanged(first, firstOrder, {
        kind: 'report',
        from: null,
        to: RepairOrderStatus.REPORTED,
      });
      await first.em.flush();
      const secondOrder = newOrder(second.em, fixture.alphaRig);
      recordRepairOrderChanged(second, secondOrder, {
        kind: 'report',
        from: null,
        to: RepairOrderStatus.REPORTED,
      });
      let secondFlushed = false;
      const secondFlush = second.em.flush().then(() => {
        secondFlushed = true;
      });
      await sleep(300);
      // The second transaction waits for the first to end before its event takes an id.
      expect(secondFlushed).toBe(false);
      await first.em.commit();
      await secondFlush;
      await second.em.commit();
      const ids = await service.runtime.runAsSystem(async (scope) => {
        const events = await scope.em.find(RepairOrderEvent, {
          order: { $in: [firstOrder.id, secondOrder.id] },
        });
        return Object.fromEntries(events.map((event) => [event.order.id, event.id]));
      });
      expect(ids[secondOrder.id]).toBeGreaterThan(ids[firstOrder.id]);
    } finally {
      if (first.em.isInTransaction()) await first.em.rollback();
      if (second.em.isInTransaction()) await second.em.rollback();
    }
  });

  it('reads once for 1 or 20 subscribers', async () => {
    /** Server statements for one change, from commit to delivery to every subscriber. */
    const statementsForOneChange = async (subscriberCount: number) => {
      const after = String(await newestEventId(service));
      const subscribers = Array.from({ length: subscriberCount }, () =>
        subscribe(service, { after }),
      );
      try {
        // Let every subscription start and find it has nothing to replay.
        await sleep(400);
        const before = totalStatements();
        await reportOrder(service, fixture.alphaPump);
        await Promise.all(subscribers.map((subscriber) => subscriber.waitFor(1)));
        return totalStatements() - before;
      } finally {
        await Promise.all(subscribers.map((subscriber) => subscriber.close()));
      }
    };
    const alone = await statementsForOneChange(1);
    const crowd = await statementsForOneChange(20);
    // The hub reads the log once and the shared selection loads the order and customer once.
    expect(crowd).toBe(alone);
  });

  // A subscriber more than 1,000 changes behind stops queueing and reads the rest from the log.
  it('replays an overflowed backlog in order', async () => {
    const scope = service.runtime.createScope();
    const after = await newestEventId(service);
    const stream = streamRepairOrderChanges(scope, {}, after);
    try {
      const order = await reportOrder(service, fixture.alphaPump);
      const first = await stream.next();
      expect((first.value as RepairOrderChangedEvent).orderId).toBe(order.id);

      // 1,050 changes in one commit, while this subscriber reads nothing.
      await service.runtime.runAsSystem(async (system) => {
        const current = await system.em.findOneOrFail(RepairOrder, { id: order.id });
        for (let step = 0; step < 1_050; step += 1) {
          recordRepairOrderChanged(system, current, {
            kind: `note-${step}`,
            from: RepairOrderStatus.REPORTED,
            to: RepairOrderStatus.REPORTED,
          });
        }
        await system.em.flush();
      });
      const newest = await newestEventId(service);
      await waitUntil(
        'the hub to read every change',
        () => repairOrderEventHub(scope).readPosition === newest,
        10_000,
      );

      const kinds: string[] = [];
      const ids: number[] = [];
      while (kinds.length < 1_050) {
        const { value } = await stream.next();
        const event = value as RepairOrderChangedEvent;
        kinds.push(event.kind);
        ids.push(Number(event.eventId));
      }
      expect(kinds).toEqual(Array.from({ length: 1_050 }, (_, step) => `note-${step}`));
      expect(ids.at(-1)).toBe(newest);
      expect(ids.every((id, index) => index === 0 || id > ids[index - 1])).toBe(true);
    } finally {
      await stream.return?.();
    }
  });

  it('rejects an empty equipment ID in the filter', async () => {
    const subscriber = subscribe(service, { filter: { equipmentId: '' } });
    try {
      await expect(subscriber.waitFor(1, 3_000)).rejects.toThrow(/filter\.equipmentId/);
    } finally {
      await subscriber.close();
    }
  });

  it('rejects an after beyond the newest event', async () => {
    const newest = await newestEventId(service);
    const subscriber = subscribe(service, { after: String(newest + 1_000) });
    try {
      await expect(subscriber.waitFor(1, 3_000)).rejects.toThrow(/beyond the newest event/);
    } finally {
      await subscriber.close();
    }
  });

  it('ends a stream closed while it starts', async () => {
    // Closing before the stream had joined the hub once left next() calling itself forever.
    const stream = streamRepairOrderChanges(service.runtime.createScope(), {}, null);
    const pending = stream.next();
    await stream.return?.();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('rejects an after that is not an event id', async () => {
    const subscriber = subscribe(service, { after: 'yesterday' });
    try {
      await expect(subscriber.waitFor(1, 3_000)).rejects.toThrow(/BAD_USER_INPUT/);
    } finally {
      await subscriber.close();
    }
  });

  it('reports in-process live updates as ready', async () => {
    const response = await fetch(service.server.url.replace('/graphql', '/readyz'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', liveUpdates: 'in-process' });
  });
});

describe.skipIf(!databaseAvailable || !redisAvailable)('repair order events through Redis', () => {
  const channelPrefix = `test-${process.pid}-${randomBytes(4).toString('hex')}:`;
  let publisher: TestService;
  let listener: TestService;
  let fixture: Fixture;

  beforeAll(async () => {
    const config = { redisUrl: REDIS_URL, pubSubChannelPrefix: channelPrefix };
    publisher = await startTestService({ config });
    listener = await startTestService({
      config,
      sharedDatabase: publisher.runtime.config.database,
    });
    fixture = await seed(publisher);
  });
  afterAll(async () => {
    await listener?.close();
    await publisher?.close();
  });

  it('delivers a change committed on one instance to the other', async () => {
    const after = await newestEventId(listener);
    const subscriber = subscribe(listener, { after: String(after) });
    try {
      // Replay ends with nothing; only a Redis message can wake the listener up now.
      await sleep(300);
      const order = await reportOrder(publisher, fixture.alphaPump);
      const [item] = await subscriber.waitFor(1);
      expect(item.repairOrder?.id).toBe(toGlobalId('RepairOrder', order.id));
    } finally {
      await subscriber.close();
    }
  });

  it('reports Redis live updates as up', async () => {
    // The Redis connections open in the background after startup.
    for (let attempt = 0; attempt < 20 && listener.runtime.pubSub.status !== 'up'; attempt += 1) {
      await sleep(100);
    }
    const response = await fetch(listener.server.url.replace('/graphql', '/readyz'));
    expect(await response.json()).toMatchObject({ status: 'ready', liveUpdates: 'up' });
  });

  it('stays ready with degraded live updates when Redis is down', async () => {
    // Nothing listens on port 1, so the pub/sub never connects.
    const offline = await startTestService({
      config: { redisUrl: 'redis://127.0.0.1:1', pubSubChannelPrefix: channelPrefix },
    });
    try {
      const response = await fetch(offline.server.url.replace('/graphql', '/readyz'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ready',
        database: 'up',
        liveUpdates: 'degraded',
      });
      const query = await offline.http<{ repairOrders: { totalCount: number } }>(
        '{ repairOrders(first: 1) { totalCount } }',
      );
      expect(query.errors).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});
