import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_ADMIN_KEY, DEMO_PARTNER_KEY } from '../../core/demo/demo-keys.js';
import {
  createTestDatabase,
  databaseAvailable,
  type TestDatabase,
} from '../support/test-database.js';

const HISTORY = `{ equipmentBySerial(serial: "EXC-A") { repairOrders(first: 5) { totalCount edges { node { reportedAt faultDescription cost { amount currency } } } } } }`;

interface History {
  equipmentBySerial: {
    repairOrders: {
      totalCount: number;
      edges: {
        node: {
          reportedAt: string;
          faultDescription: string;
          cost: { amount: string; currency: string };
        };
      }[];
    };
  };
}

/** Starts `app/main.ts` as a user would and resolves with its GraphQL URL once it is listening. */
async function startServerProcess(
  databaseUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node_modules/.bin/tsx', ['app/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

describe.skipIf(!databaseAvailable)('server process', () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const databaseUrl =
      database.config.kind === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
    ({ child, url } = await startServerProcess(databaseUrl));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await database?.drop();
  });

  it('reports health and readiness', async () => {
    const health = await fetch(url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const ready = await fetch(url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up' });
  });

  it('serves the excavator history over HTTP POST', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_ADMIN_KEY}` },
      body: JSON.stringify({ query: HISTORY }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: History };
    const history = body.data.equipmentBySerial.repairOrders;
    expect(history.totalCount).toBe(151);
    expect(history.edges).toHaveLength(5);
    expect(history.edges[0].node.reportedAt).toBe('2008-12-08T12:00:00.000Z');
    expect(history.edges[0].node.cost).toEqual({ amount: '2678.46', currency: 'AUD' });
  });

  it('serves the partner key its history without costs', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_PARTNER_KEY}` },
      body: JSON.stringify({ query: HISTORY }),
    });
    const body = (await response.json()) as { data: History };
    const history = body.data.equipmentBySerial.repairOrders;
    expect(history.totalCount).toBe(151);
    expect(history.edges[0].node.faultDescription).toBe('Fire supression activated');
    expect(history.edges[0].node.cost).toBeNull();
  });

  it('rejects a request without credentials', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HISTORY }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves queries over HTTP GET', async () => {
    const response = await fetch(
      `${url}?query=${encodeURIComponent('{ customerByCode(code: "EXC-FLEET") { code isSynthetic } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${DEMO_ADMIN_KEY}` },
      },
    );
    expect(response.status).toBe(200);
    // The body also carries extensions.rateLimit, which depends on earlier requests.
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ customerByCode: { code: 'EXC-FLEET', isSynthetic: true } });
  });

  it('serves the same history over graphql-ws', async () => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${DEMO_ADMIN_KEY}` },
    });
    try {
      const result = await new Promise<History>((resolve, reject) => {
        let data: History | undefined;
        client.subscribe<History>(
          { query: HISTORY },
          {
            next: (value) => (data = value.data ?? undefined),
            error: reject,
            complete: () => resolve(data!),
          },
        );
      });
      expect(result.equipmentBySerial.repairOrders.totalCount).toBe(151);
      expect(result.equipmentBySerial.repairOrders.edges[0].node.faultDescription).toBe(
        'Fire supression activated',
      );
    } finally {
      await client.dispose();
    }
  });

  it('reports errors over graphql-ws with a code and no internals', async () => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${DEMO_ADMIN_KEY}` },
    });
    try {
      const errors = await new Promise<
        readonly { message: string; extensions?: Record<string, unknown> }[]
      >((resolve, reject) => {
        client.subscribe(
          { query: '{ repairOrders(first: 1000) { totalCount } }' },
          {
            next: (value) => resolve(value.errors ?? []),
            // An operation rejected before execution arrives as an error message.
            error: (error) =>
              Array.isArray(error)
                ? resolve(error as { message: string; extensions?: Record<string, unknown> }[])
                : reject(error),
            complete: () => undefined,
          },
        );
      });
      expect(errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    } finally {
      await client.dispose();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
