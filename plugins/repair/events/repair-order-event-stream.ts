import type { FilterQuery } from '@mikro-orm/core';
import { isCustomerBound, type RequestScope } from '../../../core/index.js';
import {
  RepairOrderChangedEvent,
  RepairOrderEventsGap,
} from '../api/repair-order-changed.types.js';
import { RepairOrderEvent } from '../entities/repair-order-event.entity.js';
import type { RepairOrderStatus } from '../entities/repair-order.enums.js';
import {
  REPAIR_ORDER_CHANGED_TOPIC,
  type RepairOrderChangedMessage,
} from './repair-order-changed.event.js';
import { deletedThroughEventId } from './repair-event-retention.js';

/** Events read from the log per query while catching up. */
const REPLAY_BATCH_SIZE = 100;

/** Conditions on the events a subscriber receives, with global IDs already decoded. */
export interface RepairOrderEventConditions {
  customerId?: string;
  equipmentId?: string;
  statuses?: RepairOrderStatus[];
  urgencies?: string[];
}

export type RepairOrderChangeItem = RepairOrderChangedEvent | RepairOrderEventsGap;

/**
 * Streams repair order changes to one subscriber, in event id order and without duplicates.
 *
 * With `after`, the stream first replays the stored events with a greater id and then follows
 * new ones. Without it, the stream starts at the newest stored event. When `after` is below the
 * highest id the retention job deleted, a gap notice comes first.
 *
 * A pub/sub message only wakes the stream up. The stream then reads every event after the last
 * one it delivered from the log, so a message that Redis loses or reorders delays delivery until
 * the next message but never skips an event.
 *
 * Every read uses a fresh sibling of `scope`, so the tenant filter of the subscriber applies and
 * no identity map grows for the life of the subscription.
 */
export function streamRepairOrderChanges(
  scope: RequestScope,
  conditions: RepairOrderEventConditions,
  after: number | null,
): AsyncIterableIterator<RepairOrderChangeItem> {
  const live = scope.pubSub.subscribe(REPAIR_ORDER_CHANGED_TOPIC);
  let lastId = 0;

  const readNewEvents = async function* (): AsyncGenerator<RepairOrderChangedEvent> {
    for (;;) {
      const rows = await readEventsAfter(scope.createSibling(), conditions, lastId);
      for (const row of rows) {
        lastId = row.id;
        yield toChangedEvent(row);
      }
      if (rows.length < REPLAY_BATCH_SIZE) return;
    }
  };

  const run = async function* (): AsyncGenerator<RepairOrderChangeItem> {
    // The pub/sub listens only from the first next() on, so it is called before the first read.
    // A message that arrives during the replay then waits in this promise.
    // NOTE: with Redis, the SUBSCRIBE command completes shortly after this call. A change that
    // commits after the first read but before it completes arrives with the next message.
    let nextMessage = live.next();
    if (after === null) {
      lastId = await newestEventId(scope.createSibling());
    } else {
      lastId = after;
      const deletedThrough = await deletedThroughEventId(scope.createSibling());
      if (after < deletedThrough) {
        yield gapNotice(after, deletedThrough);
        lastId = deletedThrough;
      }
      yield* readNewEvents();
    }
    for (;;) {
      const received = await nextMessage;
      if (received.done) return;
      nextMessage = live.next();
      const message = received.value as unknown as RepairOrderChangedMessage;
      if (message.eventId <= lastId || !mayConcern(scope, conditions, message)) continue;
      yield* readNewEvents();
    }
  };

  const changes = run();
  return {
    next: () => changes.next(),
    // Ending the pub/sub iterator first settles a pending wait for a message, which would
    // otherwise hold back the generator's return until the next message arrives.
    async return() {
      await live.return?.();
      return changes.return(undefined);
    },
    async throw(error: unknown) {
      await live.return?.();
      return changes.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Returns whether a message may announce an event for this subscriber. The read checks the rest. */
function mayConcern(
  scope: RequestScope,
  conditions: RepairOrderEventConditions,
  message: RepairOrderChangedMessage,
): boolean {
  const principal = scope.principal;
  if (isCustomerBound(principal) && message.customerId !== principal.customerId) return false;
  if (conditions.customerId && message.customerId !== conditions.customerId) return false;
  return true;
}

function readEventsAfter(
  scope: RequestScope,
  conditions: RepairOrderEventConditions,
  lastId: number,
): Promise<RepairOrderEvent[]> {
  const where: FilterQuery<RepairOrderEvent>[] = [{ id: { $gt: lastId } }];
  if (conditions.customerId) where.push({ customer: conditions.customerId });
  if (conditions.equipmentId) where.push({ equipment: conditions.equipmentId });
  if (conditions.statuses?.length) where.push({ status: { $in: conditions.statuses } });
  if (conditions.urgencies?.length) where.push({ urgency: { $in: conditions.urgencies } });
  // The tenant filter of the subscriber's scope adds its customer for customer-bound principals.
  return scope.em.find(
    RepairOrderEvent,
    { $and: where },
    { orderBy: { id: 'ASC' }, limit: REPLAY_BATCH_SIZE },
  );
}

async function newestEventId(scope: RequestScope): Promise<number> {
  const newest = await scope.em.findOne(
    RepairOrderEvent,
    { id: { $gt: 0 } },
    { orderBy: { id: 'DESC' }, fields: ['id'], filters: false },
  );
  return newest?.id ?? 0;
}

function toChangedEvent(row: RepairOrderEvent): RepairOrderChangedEvent {
  return Object.assign(new RepairOrderChangedEvent(), {
    eventId: String(row.id),
    kind: row.kind,
    from: row.fromStatus ?? null,
    to: row.toStatus,
    occurredAt: row.occurredAt,
    orderId: row.order.id,
  });
}

function gapNotice(after: number, deletedThrough: number): RepairOrderEventsGap {
  return Object.assign(new RepairOrderEventsGap(), {
    after: String(after),
    deletedThroughEventId: String(deletedThrough),
    message:
      `Events ${after + 1} to ${deletedThrough} were deleted by the retention job and cannot be ` +
      'replayed: reload the repair orders you show; the events after them follow',
  });
}
