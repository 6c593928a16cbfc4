import { describe, expect, it } from 'vitest';
import { isFull, MemoryTokenBuckets, takeTokens, type BucketState } from './token-bucket.js';

const settings = { capacity: 3, refillPerSecond: 2 };

describe('takeTokens', () => {
  it('starts a new bucket full', () => {
    const { state, decision } = takeTokens(undefined, 1_000, 1, settings);
    expect(decision.allowed).toBe(true);
    expect(decision.limit).toBe(3);
    expect(decision.remaining).toBe(2);
    expect(decision.retryAfterMs).toBe(0);
    expect(decision.resetMs).toBe(500);
    expect(state).toEqual({ tokens: 2, updatedAtMs: 1_000 });
  });

  it('rejects an empty bucket with the wait for one token', () => {
    const { state, decision } = takeTokens({ tokens: 0.5, updatedAtMs: 0 }, 0, 1, settings);
    expect(decision.allowed).toBe(false);
    expect(decision.remaining).toBe(0);
    expect(decision.retryAfterMs).toBe(250);
    expect(decision.resetMs).toBe(1_250);
    // A rejected request takes nothing.
    expect(state.tokens).toBe(0.5);
  });

  it('refills in proportion to elapsed time', () => {
    const { decision } = takeTokens({ tokens: 0, updatedAtMs: 0 }, 750, 1, settings);
    expect(decision.allowed).toBe(true);
    expect(decision.remaining).toBe(0);
    expect(decision.resetMs).toBe(1_250);
  });

  it('never refills above capacity', () => {
    const { state } = takeTokens({ tokens: 1, updatedAtMs: 0 }, 60_000, 1, settings);
    expect(state.tokens).toBe(2);
  });

  it('refills nothing when the clock steps back', () => {
    const { state, decision } = takeTokens({ tokens: 1, updatedAtMs: 5_000 }, 4_000, 1, settings);
    expect(decision.allowed).toBe(true);
    expect(state.tokens).toBe(0);
  });

  it('allows exactly capacity operations in a burst', () => {
    let state: BucketState | undefined;
    const allowed: boolean[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = takeTokens(state, 0, 1, settings);
      state = result.state;
      allowed.push(result.decision.allowed);
    }
    expect(allowed).toEqual([true, true, true, false, false]);
  });
});

describe('isFull', () => {
  it('is true once refill reaches capacity', () => {
    expect(isFull({ tokens: 2, updatedAtMs: 0 }, 499, settings)).toBe(false);
    expect(isFull({ tokens: 2, updatedAtMs: 0 }, 500, settings)).toBe(true);
  });
});

describe('MemoryTokenBuckets', () => {
  it('keeps one bucket per key', async () => {
    let now = 0;
    const buckets = new MemoryTokenBuckets(settings, () => now);
    for (let i = 0; i < 3; i += 1) await buckets.take('a', 1);
    expect((await buckets.take('a', 1)).allowed).toBe(false);
    expect((await buckets.take('b', 1)).allowed).toBe(true);
    now = 500;
    expect((await buckets.take('a', 1)).allowed).toBe(true);
  });

  it('drops full buckets when it sweeps', async () => {
    let now = 0;
    const buckets = new MemoryTokenBuckets(settings, () => now);
    for (let i = 0; i < 999; i += 1) await buckets.take(`caller-${i}`, 1);
    expect(buckets.size).toBe(999);
    now = 10_000;
    // The 1000th take triggers the sweep; only this latest, partly used bucket stays.
    await buckets.take('latest', 1);
    expect(buckets.size).toBe(1);
  });
});
