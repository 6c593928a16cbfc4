import { Redis } from 'ioredis';
import type { RateLimitDecision, TokenBucketSettings, TokenBucketStore } from './token-bucket.js';

/**
 * The steps of `takeTokens` in token-bucket.ts, run atomically inside Redis so that concurrent
 * requests on several instances cannot both take the last token. The time comes from Redis's own
 * clock (TIME), so instances with skewed clocks still agree on each bucket's refill. A bucket is
 * a hash with `tokens` and `updatedAt` (milliseconds) that expires once it would be full again.
 *
 * KEYS[1] bucket key; ARGV[1] capacity; ARGV[2] refill per second; ARGV[3] cost.
 * Returns { allowed (1 or 0), remaining, retryAfterMs, resetMs }, all integers.
 */
const TAKE_TOKENS_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local stored = redis.call('HMGET', KEYS[1], 'tokens', 'updatedAt')
local tokens = tonumber(stored[1])
local updated_at = tonumber(stored[2])
if tokens == nil or updated_at == nil then
  tokens = capacity
  updated_at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - updated_at) * per_ms)

local allowed = 0
local retry_after = math.ceil((cost - tokens) / per_ms)
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
  retry_after = 0
end
local reset = math.ceil((capacity - tokens) / per_ms)

redis.call('HSET', KEYS[1], 'tokens', tokens, 'updatedAt', now)
redis.call('PEXPIRE', KEYS[1], math.max(reset, 1))
return { allowed, math.floor(tokens), retry_after, reset }
`;

/**
 * Maximum time in milliseconds a rate-limit command may take before the request falls back to
 * the in-process bucket. A healthy Redis on the same network usually replies within a few
 * milliseconds (an estimate, not measured here), so this trips on a stalled Redis.
 */
const COMMAND_TIMEOUT_MS = 250;

type BucketCommands = Redis & {
  takeTokens(
    key: string,
    capacity: number,
    refillPerSecond: number,
    cost: number,
  ): Promise<[number, number, number, number]>;
};

/**
 * Buckets in Redis, shared by every instance that uses the same Redis and key prefix.
 * Commands fail at once while the connection is down because the offline queue is off, so
 * callers can fall back without waiting. The client keeps reconnecting in the background.
 */
export class RedisTokenBuckets implements TokenBucketStore {
  private readonly client: BucketCommands;
  /** Settles on the first `ready` or `error` event, whichever comes first. */
  private readonly firstConnection: Promise<void>;
  private firstConnectionSettled = false;

  constructor(
    url: string,
    private readonly settings: TokenBucketSettings,
    private readonly keyPrefix: string,
    /** Connection events. Without an error handler ioredis prints every failed reconnect. */
    connection: { error(error: Error): void; ready(): void },
  ) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
    }) as BucketCommands;
    this.client.on('error', connection.error);
    this.client.on('ready', connection.ready);
    this.client.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS_SCRIPT });
    this.firstConnection = new Promise<void>((resolve) => {
      this.client.once('ready', resolve);
      this.client.once('error', () => resolve());
    }).then(() => {
      this.firstConnectionSettled = true;
    });
  }

  async take(key: string, cost: number): Promise<RateLimitDecision> {
    // Requests that arrive while the first connection is still being made wait for it briefly,
    // so that a normal start does not look like an outage.
    if (!this.firstConnectionSettled) await this.waitForFirstConnection();
    const [allowed, remaining, retryAfterMs, resetMs] = await this.client.takeTokens(
      this.keyPrefix + key,
      this.settings.capacity,
      this.settings.refillPerSecond,
      cost,
    );
    return {
      allowed: allowed === 1,
      limit: this.settings.capacity,
      remaining,
      retryAfterMs,
      resetMs,
    };
  }

  private async waitForFirstConnection(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, COMMAND_TIMEOUT_MS);
    });
    await Promise.race([this.firstConnection, timeout]);
    clearTimeout(timer);
  }

  /** Sends QUIT when connected, so pending replies still arrive. Otherwise stops reconnecting. */
  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // The connection dropped during QUIT; disconnect below still stops reconnection.
      }
    }
    this.client.disconnect();
  }
}
