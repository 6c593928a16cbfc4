import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, type Principal } from './principal.js';
import { rateLimitedError, rateLimitKey, RateLimiter } from './rate-limit.js';
import {
  MemoryTokenBuckets,
  type RateLimitDecision,
  type TokenBucketStore,
} from './token-bucket.js';

const settings = { capacity: 2, refillPerSecond: 1 };

/** A shared store whose availability the test switches. */
class SwitchableStore implements TokenBucketStore {
  up = true;
  readonly buckets = new MemoryTokenBuckets(settings, () => 0);

  async take(key: string, cost: number): Promise<RateLimitDecision> {
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    return this.buckets.take(key, cost);
  }

  async close(): Promise<void> {}
}

function silentLogger() {
  const logger = pino({ level: 'silent' });
  return { logger, warn: vi.spyOn(logger, 'warn'), info: vi.spyOn(logger, 'info') };
}

describe('RateLimiter', () => {
  it('uses the shared store while it is up', async () => {
    const { logger, warn } = silentLogger();
    const shared = new SwitchableStore();
    const local = new MemoryTokenBuckets(settings, () => 0);
    const limiter = new RateLimiter(settings, logger, local, shared);
    await limiter.takeOperation('staff:a');
    expect((await shared.buckets.take('staff:a', 0)).remaining).toBe(1);
    expect(local.size).toBe(0);
    expect(warn).not.toHaveBeenCalled();
  });

  it('falls back to local buckets and warns once per outage', async () => {
    const { logger, warn, info } = silentLogger();
    const shared = new SwitchableStore();
    const local = new MemoryTokenBuckets(settings, () => 0);
    const limiter = new RateLimiter(settings, logger, local, shared);

    shared.up = false;
    const first = await limiter.takeOperation('staff:a');
    const second = await limiter.takeOperation('staff:a');
    const third = await limiter.takeOperation('staff:a');
    expect(first.allowed).toBe(true);
    expect(second.allowed).toBe(true);
    // The local bucket limits on its own during the outage.
    expect(third.allowed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);

    shared.up = true;
    await limiter.takeOperation('staff:b');
    expect(info).toHaveBeenCalledTimes(1);

    shared.up = false;
    await limiter.takeOperation('staff:b');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('counts connection errors towards the same outage', () => {
    const { logger, warn } = silentLogger();
    const limiter = new RateLimiter(settings, logger, new MemoryTokenBuckets(settings));
    limiter.sharedStoreFailed(new Error('connect ECONNREFUSED'));
    limiter.sharedStoreFailed(new Error('connect ECONNREFUSED'));
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('rateLimitKey', () => {
  const staff: Principal = { ...ANONYMOUS, kind: 'staff', id: 'staff:42', name: 'Li Wei' };

  it('uses the principal id of an authenticated caller', () => {
    expect(rateLimitKey(staff, '10.0.0.1')).toBe('staff:42');
  });

  it.each([
    ['10.0.0.1', 'ip:10.0.0.1'],
    ['::ffff:10.0.0.1', 'ip:10.0.0.1'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', 'ip:2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', 'ip:2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0000:0000:0000:0009', 'ip:2001:db8:1:2::/64'],
    ['2001:db8::1', 'ip:2001:db8:0:0::/64'],
    ['::1', 'ip:0:0:0:0::/64'],
    ['fe80::1%eth0', 'ip:fe80:0:0:0::/64'],
    [undefined, 'ip:unknown'],
  ])('keys anonymous %s as %s', (address, key) => {
    expect(rateLimitKey(ANONYMOUS, address)).toBe(key);
  });
});

describe('rateLimitedError', () => {
  it('carries the code and the wait', () => {
    const error = rateLimitedError(
      { allowed: false, limit: 2, remaining: 0, retryAfterMs: 1_500, resetMs: 2_500 },
      settings,
    );
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfterMs).toBe(1_500);
    expect(error.message).toContain('retry in 2 s');
  });
});
