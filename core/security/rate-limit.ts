import { isIPv4, isIPv6 } from 'node:net';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import type { Principal } from './principal.js';
import { RedisTokenBuckets } from './redis-token-buckets.js';
import {
  MemoryTokenBuckets,
  type RateLimitDecision,
  type TokenBucketSettings,
  type TokenBucketStore,
} from './token-bucket.js';

export type { RateLimitDecision } from './token-bucket.js';

/** Tokens one GraphQL operation costs: an HTTP request or a graphql-ws subscribe message. */
export const OPERATION_COST = 1;

/**
 * Token buckets per caller. With a shared store (Redis) every instance draws from the same
 * buckets. While that store fails, each instance falls back to its own in-process buckets, so
 * the API stays up and a caller may get up to one budget per instance until the store is back.
 */
export class RateLimiter {
  private sharedStoreDown = false;

  constructor(
    readonly settings: TokenBucketSettings,
    private readonly logger: Logger,
    private readonly local: TokenBucketStore,
    private readonly shared?: TokenBucketStore,
  ) {}

  /**
   * Takes the cost of one operation from the caller's bucket. When the shared store fails, the
   * local bucket decides instead, so a store error never reaches the caller.
   */
  async takeOperation(key: string): Promise<RateLimitDecision> {
    if (!this.shared) return this.local.take(key, OPERATION_COST);
    try {
      const decision = await this.shared.take(key, OPERATION_COST);
      this.sharedStoreRecovered();
      return decision;
    } catch (error) {
      this.sharedStoreFailed(error);
      return this.local.take(key, OPERATION_COST);
    }
  }

  /** Logs the first failure of an outage at warn; later failures of the same outage are not logged. */
  sharedStoreFailed(error: unknown): void {
    if (this.sharedStoreDown) return;
    this.sharedStoreDown = true;
    this.logger.warn(
      { err: error },
      'rate-limit store unreachable: limiting with in-process buckets until it is back',
    );
  }

  /** Ends an outage, so that the next failure is logged again. */
  sharedStoreRecovered(): void {
    if (!this.sharedStoreDown) return;
    this.sharedStoreDown = false;
    this.logger.info('rate-limit store reachable again: buckets are shared across instances');
  }

  async close(): Promise<void> {
    await Promise.all([this.local.close(), this.shared?.close()]);
  }
}

/**
 * Creates the limiter that the configuration selects: Redis-backed with an in-process fallback
 * when `REDIS_URL` is set, in-process only otherwise. Returns undefined when rate limiting is off.
 */
export function createRateLimiter(config: AppConfig, logger: Logger): RateLimiter | undefined {
  const options = config.rateLimit;
  if (!options?.enabled) return undefined;
  const settings = { capacity: options.capacity, refillPerSecond: options.refillPerSecond };
  const local = new MemoryTokenBuckets(settings);
  if (!config.redisUrl) return new RateLimiter(settings, logger, local);

  // The handlers run on connection events, which come only after `limiter` is assigned.
  const shared = new RedisTokenBuckets(config.redisUrl, settings, options.keyPrefix, {
    error: (error) => limiter.sharedStoreFailed(error),
    ready: () => limiter.sharedStoreRecovered(),
  });
  const limiter = new RateLimiter(settings, logger, local, shared);
  return limiter;
}

/**
 * Names the bucket a caller draws from: the principal id for an authenticated caller, the client
 * address for an anonymous one. IPv6 clients are grouped by their /64 network, because a single
 * host usually controls a whole /64 and could otherwise take a fresh bucket per address.
 */
export function rateLimitKey(principal: Principal, clientAddress: string | undefined): string {
  if (principal.kind !== 'anonymous') return principal.id;
  return `ip:${clientNetwork(clientAddress)}`;
}

function clientNetwork(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  const withoutZone = address.split('%')[0];
  if (!isIPv6(withoutZone)) return address;
  return `${ipv6Groups(withoutZone).slice(0, 4).join(':')}::/64`;
}

/** Expands an IPv6 address into its eight groups, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  const toGroups = (part: string | undefined): string[] => {
    if (!part) return [];
    // An embedded IPv4 address (as in 64:ff9b::192.0.2.1) takes the place of two groups.
    return part.split(':').flatMap((group) => (group.includes('.') ? ['v4', 'v4'] : [group]));
  };
  const headGroups = toGroups(head);
  const tailGroups = toGroups(tail);
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].map((group) =>
    group === 'v4' ? group : parseInt(group, 16).toString(16),
  );
}

/** Creates the RATE_LIMITED error for a rejected operation, with the wait before a retry. */
export function rateLimitedError(
  decision: RateLimitDecision,
  settings: TokenBucketSettings,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return new GraphQLError(
    `Rate limit exceeded: the budget of ${decision.limit} operations is used up and refills at ` +
      `${settings.refillPerSecond} per second; retry in ${seconds} s`,
    { extensions: { code: 'RATE_LIMITED', retryAfterMs: decision.retryAfterMs, ...extensions } },
  );
}
