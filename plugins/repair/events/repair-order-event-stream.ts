import type { FilterQuery } from '@mikro-orm/core';
import { badUserInput, isCustomerBound, type RequestScope } from '../../../core/index.js';
import {
  RepairOrderChangedEvent,
  RepairOrderEventsGap,
} from '../api/repair-order-changed.types.js';
import { RepairOrderEvent } from '../entities/repair-order-event.entity.js';
import type { RepairOrderStatus } from '../entities/repair-order.enums.js';
import { deletedThroughEventId } from './repair-event-retention.js';
import {
  newestEventId,
  repairOrderEventHub,
  type HubMember,
  type RepairOrderEventHub,
} from './repair-order-event-hub.js';

/** Events read from the log per query while catching up. */
const CATCH_UP_BATCH_SIZE = 100;

/**
 * Events waiting for a subscriber that reads slower than they arrive. Beyond that, the subscriber
 * stops taking events from the hub and reads the rest from the log once it has caught up.
 */
const MAX_QUEUED_EVENTS = 1_000;

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
 * New events come from the process's {@link RepairOrderEventHub}, which reads the log once for
 * all subscribers. A subscriber reads the log itself only while it is behind the hub: during the
 * replay, and after it fell more than 1,000 events behind. Those reads use a fresh sibling of
 * `scope`, so the subscriber's tenant filter applies and no identity map grows for the life of the
 * subscription.
 */
export function streamRepairOrderChanges(
  scope: RequestScope,
  conditions: RepairOrderEventConditions,
  after: number | null,
): AsyncIterableIterator<RepairOrderChangeItem> {
  return new RepairOrderChangeStream(scope, conditions, after);
}

/**
 * One iterator result per log row, shared by the subscribers that take the row from the hub.
 * Subscribers with the same selection then share its resolution too (see the subscription
 * execution of the core).
 */
const changedEvents = new WeakMap<RepairOrderEvent, IteratorResult<RepairOrderChangedEvent>>();

class RepairOrderChangeStream implements AsyncIterableIterator<RepairOrderChangeItem>, HubMember {
  private readonly hub: RepairOrderEventHub;
  private readonly queue: RepairOrderChangeItem[] = [];
  /** Every event up to this id has been queued, or does not concern this subscriber. */
  private settledThrough = 0;
  /** Whether the subscriber must read the log up to the hub's position before taking events. */
  private behind = true;
  /** Whether the next catch-up must first check for events the retention job deleted. */
  private checkRetention = false;
  private closed = false;
  private ready = false;
  /** Settles the pending next() of a subscriber that waits for the hub. */
  private waiting: ((result: IteratorResult<RepairOrderChangeItem>) => void) | null = null;
  private readonly started: Promise<void>;

  constructor(
    private readonly scope: RequestScope,
    private readonly conditions: RepairOrderEventConditions,
    after: number | null,
  ) {
    this.hub = repairOrderEventHub(scope);
    this.started = this.start(after);
    // A failed start is reported by the first next(); this keeps it from being unhandled before.
    this.started.catch(() => undefined);
  }

  private async start(after: number | null): Promise<void> {
    if (after !== null) {
      const newest = await newestEventId(this.scope.createSibling());
      if (after > newest) {
        throw badUserInput(
          'after',
          `after "${after}" is beyond the newest event ${newest}: pass the eventId of the last event you received, or omit after to start with new changes`,
        );
      }
      this.settledThrough = after;
      this.checkRetention = true;
    }
    const position = await this.hub.join(this, this.scope);
    if (this.closed) {
      this.hub.leave(this);
      return;
    }
    if (after === null) this.settledThrough = position;
    // The hub may have handed out events since it returned the position; they are read instead.
    this.behind = this.settledThrough < this.hub.readPosition;
    this.ready = true;
  }

  matches(row: RepairOrderEvent): boolean {
    const principal = this.scope.principal;
    const customerId = row.customer.id;
    if (isCustomerBound(principal) && customerId !== principal.customerId) return false;
    const { conditions } = this;
    if (conditions.customerId && customerId !== conditions.customerId) return false;
    if (conditions.equipmentId && row.equipment.id !== conditions.equipmentId) return false;
    if (conditions.statuses?.length && !conditions.statuses.includes(row.status)) return false;
    const urgencies = conditions.urgencies;
    if (urgencies?.length && (row.urgency == null || !urgencies.includes(row.urgency))) {
      return false;
    }
    return true;
  }

  offer(row: RepairOrderEvent): void {
    if (this.behind || this.closed || row.id <= this.settledThrough) return;
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.behind = true;
      this.checkRetention = true;
      return;
    }
    let result = changedEvents.get(row);
    if (!result) {
      result = { done: false, value: toChangedEvent(row) };
      changedEvents.set(row, result);
    }
    this.settledThrough = row.id;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting(result);
    } else {
      this.queue.push(result.value);
    }
  }

  // Not async: a subscriber that keeps up gets each event through one promise, the one it waits on.
  next(): Promise<IteratorResult<RepairOrderChangeItem>> {
    // Closed comes first: a stream closed while it started never becomes ready.
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    if (!this.ready) return this.started.then(() => this.next());
    const item = this.queue.shift();
    if (item) return Promise.resolve({ done: false, value: item });
    if (this.behind) return this.catchUp().then(() => this.next());
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /**
   * Reads the log from this subscriber's position up to the hub's position, then takes events
   * from the hub again. The switch happens in the same tick as the last position check, so no
   * event falls between the read and the hub.
   */
  private async catchUp(): Promise<void> {
    if (this.checkRetention) {
      this.checkRetention = false;
      const deletedThrough = await deletedThroughEventId(this.scope.createSibling());
      if (this.settledThrough < deletedThrough) {
        this.queue.push(gapNotice(this.settledThrough, deletedThrough));
        this.settledThrough = deletedThrough;
        return;
      }
    }
    const upTo = this.hub.readPosition;
    if (this.settledThrough >= upTo) {
      this.behind = false;
      return;
    }
    const rows = await readEventsBetween(
      this.scope.createSibling(),
      this.conditions,
      this.settledThrough,
      upTo,
    );
    for (const row of rows) this.queue.push(toChangedEvent(row));
    this.settledThrough =
      rows.length < CATCH_UP_BATCH_SIZE ? upTo : (rows.at(-1)?.id ?? this.settledThrough);
  }

  async return(): Promise<IteratorResult<RepairOrderChangeItem>> {
    if (!this.closed) {
      this.closed = true;
      this.queue.length = 0;
      this.hub.leave(this);
      this.waiting?.({ done: true, value: undefined });
      this.waiting = null;
    }
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<RepairOrderChangeItem>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** Reads the events after `after` up to `upTo` that concern the subscriber, in id order. */
function readEventsBetween(
  scope: RequestScope,
  conditions: RepairOrderEventConditions,
  after: number,
  upTo: number,
): Promise<RepairOrderEvent[]> {
  const where: FilterQuery<RepairOrderEvent>[] = [{ id: { $gt: after, $lte: upTo } }];
  if (conditions.customerId) where.push({ customer: conditions.customerId });
  if (conditions.equipmentId) where.push({ equipment: conditions.equipmentId });
  if (conditions.statuses?.length) where.push({ status: { $in: conditions.statuses } });
  if (conditions.urgencies?.length) where.push({ urgency: { $in: conditions.urgencies } });
  // The tenant filter of the subscriber's scope adds its customer for customer-bound principals.
  return scope.em.find(
    RepairOrderEvent,
    { $and: where },
    { orderBy: { id: 'ASC' }, limit: CATCH_UP_BATCH_SIZE },
  );
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
