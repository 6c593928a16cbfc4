import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater, SlidingBuffer, type PubSub } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** A pub/sub message: small JSON (ids and changed fields), never an entity or a `Date`. */
export type TopicPayload = Record<string, string | number | boolean | null>;

/**
 * Messages kept per subscriber while it is busy. When more arrive, the oldest are dropped. An
 * unbuffered repeater would instead throw in the publishing listener after 1024 unread messages.
 */
const SUBSCRIBER_BUFFER_SIZE = 1000;

/** The event target that the pub/sub publishes to and subscribers listen on. */
interface TopicEventTarget {
  addEventListener(topic: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(topic: string, listener: (event: CustomEvent) => void): void;
  dispatchEvent(event: CustomEvent): boolean;
}

/** State of live updates as `/readyz` reports it. */
export type LiveUpdatesStatus = 'in-process' | 'up' | 'degraded';

/**
 * The service's pub/sub. Topics are `<plugin id>.<camelCaseName>`, such as `repair.orderChanged`.
 *
 * Without Redis, messages reach the subscribers of this process only. With a Redis URL, every
 * message goes through Redis, so the subscribers of every API instance get it. Redis delivers at
 * most once: a message published while Redis is unreachable is lost, so subscribers that must not
 * miss changes read them from a stored log and use messages only as a wake-up.
 */
export class ServicePubSub {
  /** The pub/sub that type-graphql's `buildSchema` receives. */
  readonly engine: PubSub<Record<string, [TopicPayload]>>;

  private constructor(
    private readonly target: TopicEventTarget,
    private readonly logger: Logger,
    private readonly clients: Redis[] = [],
  ) {
    this.engine = createPubSub<Record<string, [TopicPayload]>>({ eventTarget: target as never });
  }

  /** Creates a pub/sub that delivers within this process. */
  static inProcess(logger: Logger): ServicePubSub {
    const target = new EventTarget();
    // Each subscription adds one listener, so thousands are normal, not a leak.
    setMaxListeners(0, target);
    return new ServicePubSub(target as unknown as TopicEventTarget, logger);
  }

  /**
   * Creates a pub/sub that fans out through Redis, with one connection to publish and one to
   * subscribe (a subscribed Redis connection accepts no other commands). `channelPrefix` is put
   * before every topic to form the Redis channel, so that separate deployments or test runs can
   * share one Redis.
   */
  static redis(url: string, logger: Logger, channelPrefix = ''): ServicePubSub {
    // A publish fails after a few retries and is dropped. A SUBSCRIBE waits for the connection
    // instead, because the event target does not handle its failure. ioredis subscribes again
    // after every reconnect.
    const publishClient = new Redis(url, { maxRetriesPerRequest: 3 });
    const subscribeClient = new Redis(url, { maxRetriesPerRequest: null });
    let failing = false;
    for (const client of [publishClient, subscribeClient]) {
      client.on('error', (error: Error) => {
        // ioredis retries on its own, so one warning per outage is enough.
        if (failing) return;
        failing = true;
        logger.warn({ err: error }, 'pub/sub Redis unreachable: live updates are degraded');
      });
      client.on('ready', () => {
        if (!failing) return;
        failing = false;
        logger.info('pub/sub Redis reachable again: live updates restored');
      });
    }
    // The event target does not await `publish`, so this wrapper logs a failed publish instead of
    // leaving an unhandled rejection.
    const guardedPublisher = {
      publish: (channel: string, message: string) =>
        publishClient.publish(channel, message).catch((error: unknown) => {
          logger.warn({ err: error, channel }, 'pub/sub publish failed: message dropped');
          return 0;
        }),
    } as unknown as Redis;
    const target = createRedisEventTarget<CustomEvent>({
      publishClient: guardedPublisher,
      subscribeClient,
    });
    const prefixed: TopicEventTarget = {
      addEventListener: (topic, listener) =>
        target.addEventListener(`${channelPrefix}${topic}` as never, listener as never),
      removeEventListener: (topic, listener) =>
        target.removeEventListener(`${channelPrefix}${topic}` as never, listener as never),
      dispatchEvent: (event: CustomEvent) =>
        target.dispatchEvent(
          new CustomEvent(`${channelPrefix}${event.type}`, { detail: event.detail }) as never,
        ),
    };
    return new ServicePubSub(prefixed, logger, [publishClient, subscribeClient]);
  }

  /** Publishes `payload` on `topic`. Call it only after the change it announces has committed. */
  publish(topic: string, payload: TopicPayload): void {
    try {
      this.engine.publish(topic, payload);
    } catch (error) {
      this.logger.warn({ err: error, topic }, 'pub/sub publish failed: message dropped');
    }
  }

  /**
   * Returns the messages of `topic` from the first `next()` call on. Calling `return()` on it
   * unsubscribes. A subscriber that falls more than 1000 messages behind loses the oldest ones,
   * so a message should be a notice to read stored state, not the state itself.
   */
  subscribe(topic: string): AsyncIterableIterator<TopicPayload> {
    const target = this.target;
    return new Repeater<TopicPayload>((push, stop) => {
      // A sliding buffer is never full, so push() neither waits nor throws.
      const listener = (event: CustomEvent) => void push(event.detail as TopicPayload);
      target.addEventListener(topic, listener);
      void stop.then(() => target.removeEventListener(topic, listener));
    }, new SlidingBuffer(SUBSCRIBER_BUFFER_SIZE));
  }

  /** `in-process` without Redis, `up` while both Redis connections are ready, else `degraded`. */
  get status(): LiveUpdatesStatus {
    if (this.clients.length === 0) return 'in-process';
    return this.clients.every((client) => client.status === 'ready') ? 'up' : 'degraded';
  }

  /** Closes the Redis connections, if any. */
  async close(): Promise<void> {
    // QUIT needs a live connection, so a client still trying to connect is simply disconnected.
    await Promise.all(
      this.clients.map(async (client) => {
        if (client.status !== 'ready') return client.disconnect();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }
}
