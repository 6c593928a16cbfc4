/** Size and refill rate shared by every bucket of a limiter. */
export interface TokenBucketSettings {
  /** Tokens in a full bucket: the largest burst a caller may send at once. */
  capacity: number;
  /** Tokens added per second until the bucket is full: the sustained rate. */
  refillPerSecond: number;
}

/** Outcome of taking tokens from one bucket. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Capacity of the bucket. */
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Milliseconds until the bucket has enough tokens for the rejected request; 0 when allowed. */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

/** Stored state of one bucket. Tokens are fractional because refill is continuous. */
export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

/** Storage of buckets: one process's memory, or a store shared by every instance. */
export interface TokenBucketStore {
  /** Takes `cost` tokens from the bucket of `key`, creating a full bucket on first use. */
  take(key: string, cost: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * Refills a bucket for the time passed since its last update, then takes `cost` tokens when it
 * has that many. A rejected request takes nothing. A missing state is a full bucket.
 * The Lua script in redis-token-buckets.ts runs the same steps inside Redis.
 */
export function takeTokens(
  state: BucketState | undefined,
  nowMs: number,
  cost: number,
  settings: TokenBucketSettings,
): { state: BucketState; decision: RateLimitDecision } {
  const { capacity, refillPerSecond } = settings;
  const perMs = refillPerSecond / 1000;
  // A clock that steps backwards refills nothing rather than draining the bucket.
  const elapsedMs = state ? Math.max(0, nowMs - state.updatedAtMs) : 0;
  let tokens = state ? Math.min(capacity, state.tokens + elapsedMs * perMs) : capacity;

  const allowed = tokens >= cost;
  if (allowed) tokens -= cost;
  return {
    state: { tokens, updatedAtMs: nowMs },
    decision: {
      allowed,
      limit: capacity,
      remaining: Math.floor(tokens),
      retryAfterMs: allowed ? 0 : Math.ceil((cost - tokens) / perMs),
      resetMs: Math.ceil((capacity - tokens) / perMs),
    },
  };
}

/** Returns whether a bucket last seen in `state` has refilled to capacity by `nowMs`. */
export function isFull(state: BucketState, nowMs: number, settings: TokenBucketSettings): boolean {
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  return state.tokens + (elapsedMs * settings.refillPerSecond) / 1000 >= settings.capacity;
}

/** Number of takes between two sweeps that remove full buckets from the in-process map. */
const SWEEP_EVERY_TAKES = 1000;

/**
 * Buckets in this process's memory. A full bucket behaves like a missing one, so full buckets
 * are dropped every {@link SWEEP_EVERY_TAKES} takes to keep the map from growing with every
 * caller ever seen.
 */
export class MemoryTokenBuckets implements TokenBucketStore {
  private readonly buckets = new Map<string, BucketState>();
  private takesSinceSweep = 0;

  constructor(
    private readonly settings: TokenBucketSettings,
    /** Monotonic milliseconds, so wall-clock adjustments neither drain nor refill buckets. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  async take(key: string, cost: number): Promise<RateLimitDecision> {
    const nowMs = this.now();
    const { state, decision } = takeTokens(this.buckets.get(key), nowMs, cost, this.settings);
    this.buckets.set(key, state);

    this.takesSinceSweep += 1;
    if (this.takesSinceSweep >= SWEEP_EVERY_TAKES) this.sweep(nowMs);
    return decision;
  }

  /** Number of buckets in memory. */
  get size(): number {
    return this.buckets.size;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }

  private sweep(nowMs: number): void {
    this.takesSinceSweep = 0;
    for (const [key, state] of this.buckets) {
      if (isFull(state, nowMs, this.settings)) this.buckets.delete(key);
    }
  }
}
