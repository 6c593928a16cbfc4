import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';

/** Sends one GraphQL operation and returns the response body. */
export type GraphqlRequest = <T = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: T | null; errors?: readonly unknown[] }>;

export const REPAIR_ORDER_CHANGED = `
  subscription Changes($filter: RepairOrderChangedFilter, $after: ID) {
    repairOrderChanged(filter: $filter, after: $after) {
      __typename
      ... on RepairOrderChangedEvent {
        eventId kind from to
        repairOrder { id status }
      }
      ... on RepairOrderEventsGap { after deletedThroughEventId }
    }
  }`;

/** One message of `repairOrderChanged`. */
export interface ChangeItem {
  __typename: 'RepairOrderChangedEvent' | 'RepairOrderEventsGap';
  eventId?: string;
  kind?: string;
  from?: string | null;
  to?: string;
  repairOrder?: { id: string; status: string };
}

/** A `repairOrderChanged` subscription that collects what it receives. */
export interface ChangeSubscriber {
  items: ChangeItem[];
  errors: unknown[];
  /** Close code of the socket, once it has closed. */
  closeCode(): number | undefined;
  /** Resolves once the server acknowledged the connection. */
  connected: Promise<void>;
  /** Resolves with the first `count` items, and rejects after `timeoutMs` or on an error. */
  waitFor(count: number, timeoutMs?: number): Promise<ChangeItem[]>;
  /** Cuts the TCP connection without a close handshake, as a network failure would. */
  cut(): void;
  close(): Promise<void>;
}

/** Subscribes to `repairOrderChanged` on `wsUrl` with `key`, without automatic retries. */
export function subscribeToChanges(
  wsUrl: string,
  key: string,
  variables: Record<string, unknown>,
): ChangeSubscriber {
  let socket: WebSocket | undefined;
  let code: number | undefined;
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  const client: Client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    // The close event also reaches the subscription's error callback, which records it.
    onNonLazyError: () => undefined,
    connectionParams: { authorization: `Bearer ${key}` },
    on: {
      opened: (opened) => (socket = opened as WebSocket),
      connected: () => markConnected(),
      closed: (event) => (code = (event as { code?: number }).code),
    },
  });
  const items: ChangeItem[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const dispose = client.subscribe<{ repairOrderChanged: ChangeItem }>(
    { query: REPAIR_ORDER_CHANGED, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) items.push(value.data.repairOrderChanged);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: () => undefined,
    },
  );
  return {
    items,
    errors,
    connected,
    closeCode: () => code,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (items.length < count) {
        if (errors.length > 0) throw new Error(`subscription failed: ${describe(errors)}`);
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
          throw new Error(
            `expected ${count} items within ${timeoutMs} ms, received ${items.length}: ${JSON.stringify(items)}`,
          );
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return items.slice(0, count);
    },
    cut() {
      socket?.terminate();
    },
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

function describe(errors: unknown[]): string {
  return errors
    .map((error) =>
      error && typeof error === 'object' && 'code' in error
        ? `socket closed with ${(error as { code: number }).code}`
        : JSON.stringify(error),
    )
    .join('; ');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 200 ms until it returns true, and fails after `timeoutMs`. */
export async function waitUntil(
  condition: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${condition}`);
    }
    await sleep(200);
  }
}

/** The shared Redis server of the Redis tests. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Returns whether the Redis server at `TEST_REDIS_URL` replies to PING. When it does not and
 * `TEST_REQUIRE_REDIS=1`, throws, so that the test file fails instead of skipping.
 */
export async function checkRedis(): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  probe.on('error', () => undefined);
  let reachable = false;
  try {
    await probe.connect();
    reachable = (await probe.ping()) === 'PONG';
  } catch {
    // Unreachable: handled below.
  } finally {
    probe.disconnect();
  }
  if (reachable) return true;
  if (process.env.TEST_REQUIRE_REDIS === '1') {
    throw new Error(
      `Redis is unreachable at ${TEST_REDIS_URL} and TEST_REQUIRE_REDIS=1: start it or set TEST_REDIS_URL`,
    );
  }
  console.warn(
    `Redis is unreachable at ${TEST_REDIS_URL}: skipping the multi-instance tests (set TEST_REQUIRE_REDIS=1 to fail instead)`,
  );
  return false;
}
