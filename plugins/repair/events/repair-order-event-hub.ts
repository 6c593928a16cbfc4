import type { RequestScope, ServicePubSub, TopicPayload } from '../../../core/index.js';
import { RepairOrderEvent } from '../entities/repair-order-event.entity.js';
import {
  REPAIR_ORDER_CHANGED_TOPIC,
  type RepairOrderChangedMessage,
} from './repair-order-changed.event.js';

/** Events the hub reads from the log per query. */
const HUB_BATCH_SIZE = 500;

/** Delay before the hub reads again after a failed read, in milliseconds. */
const RETRY_DELAY_MS = 1_000;

/** The part of a subscriber that the hub calls. */
export interface HubMember {
  /** Whether the event concerns this subscriber: its customer and its filter. */
  matches(row: RepairOrderEvent): boolean;
  /** Takes a matching event. The hub calls it in event id order, once per event. */
  offer(row: RepairOrderEvent): void;
}

/** One started hub: its pub/sub listener and how far it has read the log. */
interface HubRun {
  /** Settles once `position` is known and the listener is in place. */
  ready: Promise<void>;
  stopped: boolean;
  live: AsyncIterableIterator<TopicPayload>;
  /** Whether a read is running, and whether a message asked for another one meanwhile. */
  reading: boolean;
  readAgain: boolean;
  retryTimer: NodeJS.Timeout | null;
}

const hubs = new WeakMap<ServicePubSub, RepairOrderEventHub>();

/** Returns the hub of the scope's process (one per pub/sub, so one per runtime). */
export function repairOrderEventHub(scope: RequestScope): RepairOrderEventHub {
  let hub = hubs.get(scope.pubSub);
  if (!hub) {
    hub = new RepairOrderEventHub(scope.pubSub);
    hubs.set(scope.pubSub, hub);
  }
  return hub;
}

/**
 * Reads the repair order event log once for every subscriber of this process and hands each new
 * event to the subscribers it concerns.
 *
 * A pub/sub message only wakes the hub up. It then reads every event after the last one it read,
 * so a lost or reordered message delays events until the next message but never skips one. Event
 * ids follow commit order (see {@link RepairOrderEvent}), so nothing commits later below the read
 * position.
 *
 * The hub reads without the tenant filter; each member checks the customer itself. It starts with
 * its first member and stops when the last one leaves.
 */
export class RepairOrderEventHub {
  /** Id of the newest event read, and so handed to the members. */
  private position = 0;
  private run: HubRun | null = null;
  private readonly members = new Set<HubMember>();
  private createReadScope: (() => RequestScope) | null = null;

  constructor(private readonly pubSub: ServicePubSub) {}

  /**
   * Adds a member and returns the hub's position. Every matching event after that position goes
   * to the member. The events up to it are already in the log, for the member to read itself.
   */
  async join(member: HubMember, scope: RequestScope): Promise<number> {
    this.createReadScope = () => scope.createSibling();
    for (;;) {
      const run = this.run ?? this.start();
      await run.ready;
      // The last member may have left, and so stopped this run, while this one waited.
      if (this.run !== run) continue;
      this.members.add(member);
      return this.position;
    }
  }

  leave(member: HubMember): void {
    this.members.delete(member);
    if (this.members.size === 0) this.stop();
  }

  /** Number of subscribers the hub hands events to. */
  get memberCount(): number {
    return this.members.size;
  }

  /** Id of the newest event handed to the members. Events up to it are readable from the log. */
  get readPosition(): number {
    return this.position;
  }

  private start(): HubRun {
    // The pub/sub listens from the first next() on, so it is called before the position is read:
    // a change that commits in between then wakes the hub.
    const live = this.pubSub.subscribe(REPAIR_ORDER_CHANGED_TOPIC);
    const firstMessage = live.next();
    const run: HubRun = {
      ready: Promise.resolve(),
      stopped: false,
      live,
      reading: false,
      readAgain: false,
      retryTimer: null,
    };
    run.ready = (async () => {
      try {
        this.position = await newestEventId(this.readScope());
      } catch (error) {
        if (this.run === run) this.stop();
        throw error;
      }
      void this.follow(run, firstMessage);
    })();
    this.run = run;
    return run;
  }

  private stop(): void {
    const run = this.run;
    if (!run) return;
    run.stopped = true;
    this.run = null;
    if (run.retryTimer) clearTimeout(run.retryTimer);
    void run.live.return?.();
  }

  private async follow(
    run: HubRun,
    firstMessage: Promise<IteratorResult<TopicPayload>>,
  ): Promise<void> {
    let nextMessage = firstMessage;
    for (;;) {
      const received = await nextMessage;
      if (received.done || run.stopped) return;
      nextMessage = run.live.next();
      const message = received.value as unknown as RepairOrderChangedMessage;
      if (message.eventId > this.position) this.wake(run);
    }
  }

  private wake(run: HubRun): void {
    if (run.reading) {
      run.readAgain = true;
      return;
    }
    run.reading = true;
    void this.readNewEvents(run).finally(() => {
      run.reading = false;
    });
  }

  /** Reads and hands out every event after the position, until the log has no more. */
  private async readNewEvents(run: HubRun): Promise<void> {
    try {
      do {
        run.readAgain = false;
        for (;;) {
          const rows = await readEventsAfter(this.readScope(), this.position);
          if (run.stopped) return;
          for (const row of rows) this.handOut(row);
          if (rows.length < HUB_BATCH_SIZE) break;
        }
      } while (run.readAgain && !run.stopped);
    } catch (error) {
      // The position stays where it was, so the next read picks up the same events.
      this.logReadFailure(error);
      if (!run.stopped && !run.retryTimer) {
        run.retryTimer = setTimeout(() => {
          run.retryTimer = null;
          if (!run.stopped) this.wake(run);
        }, RETRY_DELAY_MS);
        run.retryTimer.unref();
      }
    }
  }

  // Members are handed the event in the same tick that moves the position, so a member that
  // joins in between gets every event after the position it was given.
  private handOut(row: RepairOrderEvent): void {
    this.position = row.id;
    for (const member of this.members) {
      if (member.matches(row)) member.offer(row);
    }
  }

  private readScope(): RequestScope {
    if (!this.createReadScope) throw new Error('The event hub has no member to read for');
    return this.createReadScope();
  }

  private logReadFailure(error: unknown): void {
    this.readScope().logger.warn(
      { err: error, position: this.position },
      'reading repair order events failed: retrying',
    );
  }
}

function readEventsAfter(scope: RequestScope, position: number): Promise<RepairOrderEvent[]> {
  return scope.em.find(
    RepairOrderEvent,
    { id: { $gt: position } },
    { orderBy: { id: 'ASC' }, limit: HUB_BATCH_SIZE, filters: false },
  );
}

/** Returns the id of the newest stored event, or 0 when the log is empty. */
export async function newestEventId(scope: RequestScope): Promise<number> {
  const newest = await scope.em.findOne(
    RepairOrderEvent,
    { id: { $gt: 0 } },
    { orderBy: { id: 'DESC' }, fields: ['id'], filters: false },
  );
  return newest?.id ?? 0;
}
