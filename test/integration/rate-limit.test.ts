import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { RateLimitConfig } from '../../core/config.js';
import { RedisTokenBuckets } from '../../core/security/redis-token-buckets.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/test-service.js';

const JWT_SECRET = 'rate-limit-test-secret-0123456789abcdef';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Keys of this run only, so parallel runs on the shared Redis never meet. */
const KEY_PREFIX = `test:rate-limit:${process.pid}:${randomBytes(4).toString('hex')}:`;

const CHEAP_QUERY = '{ __typename }';
const SQL_QUERY = '{ customers(first: 1) { totalCount } }';

interface RateLimitExtension {
  limit: number;
  remaining: number;
  resetMs: number;
}

interface HttpResult {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: GraphQLFormattedError[];
    extensions?: { rateLimit?: RateLimitExtension };
  };
}

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    if (process.env.TEST_REQUIRE_REDIS === '1') {
      throw new Error(
        `Redis is unreachable at ${REDIS_URL} and TEST_REQUIRE_REDIS=1: start it or set TEST_REDIS_URL`,
      );
    }
    console.warn(
      `Redis is unreachable at ${REDIS_URL}: skipping the shared-bucket tests (set TEST_REQUIRE_REDIS=1 to fail instead)`,
    );
    return false;
  } finally {
    client.disconnect();
  }
}

const redisAvailable = await redisReachable();

function limits(overrides: Partial<RateLimitConfig> = {}): RateLimitConfig {
  return { enabled: true, capacity: 3, refillPerSecond: 1, keyPrefix: KEY_PREFIX, ...overrides };
}

/** Signs a staff token for `subject`, so that each test draws from its own bucket. */
async function staffToken(subject: string): Promise<string> {
  return new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

async function post(service: TestService, query: string, credential?: string): Promise<HttpResult> {
  const response = await fetch(service.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as HttpResult['body'],
  };
}

/** Runs one operation over graphql-ws and resolves with its result or its error payload. */
function runOverWebSocket(
  client: Client,
  query: string,
): Promise<{ data?: unknown; errors?: readonly GraphQLFormattedError[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: unknown } = {};
    client.subscribe(
      { query },
      {
        next: (value) => (result = value),
        error: (error) =>
          Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error),
        complete: () => resolve(result),
      },
    );
  });
}

describe.skipIf(!databaseAvailable)('rate limit with in-process buckets', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      config: { jwt: { secret: JWT_SECRET }, rateLimit: limits() },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reports the remaining budget', async () => {
    const token = await staffToken('budget');
    const remaining: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { status, headers, body } = await post(service, CHEAP_QUERY, token);
      expect(status).toBe(200);
      expect(body.extensions?.rateLimit?.limit).toBe(3);
      expect(headers.get('ratelimit-limit')).toBe('3');
      expect(headers.get('ratelimit-remaining')).toBe(
        String(body.extensions?.rateLimit?.remaining),
      );
      expect(body.extensions?.rateLimit?.resetMs).toBeGreaterThan(0);
      expect(body.extensions?.rateLimit?.resetMs).toBeLessThanOrEqual(3_000);
      remaining.push(body.extensions!.rateLimit!.remaining);
    }
    expect(remaining).toEqual([2, 1, 0]);
  });

  it('rejects an exhausted caller with 429 before any SQL', async () => {
    const token = await staffToken('exhausted');
    for (let i = 0; i < 3; i += 1)
      expect((await post(service, CHEAP_QUERY, token)).status).toBe(200);

    const logQuery = vi.spyOn(service.runtime.orm.config.getLogger(), 'logQuery');
    try {
      const { status, headers, body } = await post(service, SQL_QUERY, token);
      expect(status).toBe(429);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0].message).toMatch(/^Rate limit exceeded/);
      expect(body.errors![0].extensions?.code).toBe('RATE_LIMITED');
      const retryAfterMs = body.errors![0].extensions?.retryAfterMs as number;
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(1_000);
      expect(headers.get('retry-after')).toBe('1');
      expect(headers.get('ratelimit-remaining')).toBe('0');
      expect(logQuery).not.toHaveBeenCalled();

      // The spy does see statements, so its silence above means none ran.
      await sleep(retryAfterMs + 50);
      expect((await post(service, SQL_QUERY, token)).status).toBe(200);
      expect(logQuery).toHaveBeenCalled();
    } finally {
      logQuery.mockRestore();
    }
  });

  it('refills after the wait it reports', async () => {
    const token = await staffToken('refill');
    for (let i = 0; i < 3; i += 1) await post(service, CHEAP_QUERY, token);
    const rejected = await post(service, CHEAP_QUERY, token);
    expect(rejected.status).toBe(429);

    await sleep((rejected.body.errors![0].extensions!.retryAfterMs as number) + 50);
    const admitted = await post(service, CHEAP_QUERY, token);
    expect(admitted.status).toBe(200);
    expect(admitted.body.extensions?.rateLimit?.remaining).toBe(0);
  });

  it('keeps separate buckets per principal', async () => {
    const first = await staffToken('first');
    for (let i = 0; i < 3; i += 1) await post(service, CHEAP_QUERY, first);
    expect((await post(service, CHEAP_QUERY, first)).status).toBe(429);

    const second = await post(service, CHEAP_QUERY, await staffToken('second'));
    expect(second.status).toBe(200);
    expect(second.body.extensions?.rateLimit?.remaining).toBe(2);
    const apiClient = await post(service, CHEAP_QUERY, TEST_ADMIN_KEY);
    expect(apiClient.status).toBe(200);
    expect(apiClient.body.extensions?.rateLimit?.remaining).toBe(2);
  });

  it('limits anonymous callers and rejected credentials per address', async () => {
    const anonymous = await post(service, CHEAP_QUERY);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.extensions?.rateLimit?.remaining).toBe(2);

    // A wrong key still costs the address a token.
    const wrongKey = await post(service, CHEAP_QUERY, 'not-a-valid-api-key');
    expect(wrongKey.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await post(service, CHEAP_QUERY);
    expect(again.body.extensions?.rateLimit?.remaining).toBe(0);

    const guessing = await post(service, CHEAP_QUERY, 'another-wrong-api-key');
    expect(guessing.status).toBe(429);
    expect(guessing.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts graphql-ws subscribe messages', async () => {
    const token = await staffToken('websocket');
    const client = createClient({
      url: service.server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    try {
      expect((await post(service, CHEAP_QUERY, token)).status).toBe(200);
      expect((await runOverWebSocket(client, CHEAP_QUERY)).data).toEqual({ __typename: 'Query' });
      expect((await runOverWebSocket(client, CHEAP_QUERY)).data).toEqual({ __typename: 'Query' });

      const rejected = await runOverWebSocket(client, SQL_QUERY);
      expect(rejected.data).toBeUndefined();
      expect(rejected.errors).toHaveLength(1);
      expect(rejected.errors![0].extensions?.code).toBe('RATE_LIMITED');
      expect(rejected.errors![0].extensions?.retryAfterMs).toBeGreaterThan(0);
      // HTTP and graphql-ws draw from the same bucket.
      expect((await post(service, CHEAP_QUERY, token)).status).toBe(429);
    } finally {
      await client.dispose();
    }
  });
});

describe.skipIf(!databaseAvailable || !redisAvailable)('rate limit with buckets in Redis', () => {
  let first: TestService;
  let second: TestService;
  let redis: Redis;

  beforeAll(async () => {
    const config = {
      jwt: { secret: JWT_SECRET },
      redisUrl: REDIS_URL,
      rateLimit: limits({ refillPerSecond: 0.2 }),
    };
    [first, second] = await Promise.all([
      startTestService({ config }),
      startTestService({ config }),
    ]);
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    if (redis) {
      const keys = await redis.keys(`${KEY_PREFIX}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('shares one bucket between two services', async () => {
    const token = await staffToken('shared');
    const remaining: number[] = [];
    for (const service of [first, second, first]) {
      const { status, body } = await post(service, CHEAP_QUERY, token);
      expect(status).toBe(200);
      remaining.push(body.extensions!.rateLimit!.remaining);
    }
    expect(remaining).toEqual([2, 1, 0]);

    const rejected = await post(second, CHEAP_QUERY, token);
    expect(rejected.status).toBe(429);
    expect(rejected.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(rejected.body.errors?.[0].extensions?.retryAfterMs).toBeGreaterThan(4_000);

    // The bucket expires once it would be full again.
    const ttl = await redis.pttl(`${KEY_PREFIX}staff:shared`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15_000);
  });

  it('refills a Redis bucket over time', async () => {
    const store = new RedisTokenBuckets(
      REDIS_URL,
      { capacity: 2, refillPerSecond: 10 },
      KEY_PREFIX,
      { error: () => undefined, ready: () => undefined },
    );
    try {
      expect((await store.take('refill', 1)).remaining).toBe(1);
      expect((await store.take('refill', 1)).remaining).toBe(0);
      const rejected = await store.take('refill', 1);
      expect(rejected.allowed).toBe(false);
      expect(rejected.retryAfterMs).toBeGreaterThan(0);
      expect(rejected.retryAfterMs).toBeLessThanOrEqual(100);

      await sleep(rejected.retryAfterMs + 20);
      const admitted = await store.take('refill', 1);
      expect(admitted.allowed).toBe(true);
      expect(admitted.resetMs).toBeGreaterThan(100);
      expect(admitted.resetMs).toBeLessThanOrEqual(200);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!databaseAvailable)('rate limit with Redis unreachable', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      config: {
        jwt: { secret: JWT_SECRET },
        // Nothing listens on port 1, so every Redis command fails at once.
        redisUrl: 'redis://127.0.0.1:1',
        rateLimit: limits(),
      },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('falls back to in-process buckets', async () => {
    const token = await staffToken('fallback');
    const remaining: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { status, body } = await post(service, SQL_QUERY, token);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      remaining.push(body.extensions!.rateLimit!.remaining);
    }
    expect(remaining).toEqual([2, 1, 0]);
    expect((await post(service, CHEAP_QUERY, token)).status).toBe(429);
  });
});
