import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, subscribeToChanges, waitUntil } from '../support/repair-live.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import {
  createTestDatabase,
  databaseAvailable,
  type TestDatabase,
} from '../support/test-database.js';

const ADMIN_KEY = 'graceful-shutdown-admin-key-0123456789';

/** A POST whose body is sent except for its last byte, so the request stays in flight. */
interface SlowPost {
  response: Promise<{ status: number; body: string }>;
  /** Sends the last byte of the body. */
  finish(): void;
}

function startSlowPost(url: string, body: string): SlowPost {
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${ADMIN_KEY}`,
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
  });
  request.flushHeaders();
  request.write(body.slice(0, -1));
  return { response, finish: () => request.end(body.slice(-1)) };
}

describe.skipIf(!databaseAvailable)('graceful shutdown on SIGTERM', () => {
  let database: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const databaseUrl =
      database.config.kind === 'sqlite' ? `sqlite:${database.config.file}` : database.config.url;
    server = await startServerProcess({
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'false',
      BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY,
      LOG_LEVEL: 'info',
    });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('drains requests and sockets, exits 0', async () => {
    const subscriber = subscribeToChanges(server.wsUrl, ADMIN_KEY, {});
    await subscriber.connected;
    // The query reads the database, which must stay open until the request has finished.
    const inFlight = startSlowPost(
      server.url,
      JSON.stringify({ query: '{ repairOrders(first: 1) { totalCount } }' }),
    );
    // Time for the server to read the request headers, so that the request is in flight.
    await sleep(300);

    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await waitUntil('the subscription socket to close', () => subscriber.closeCode() !== undefined);
    expect(subscriber.closeCode()).toBe(1001);

    // The listener is closed, so a new connection is refused while the old request finishes.
    await expect(fetch(server.url.replace('/graphql', '/healthz'))).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    inFlight.finish();
    const response = await inFlight.response;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ data: { repairOrders: { totalCount: 0 } } });
    expect(await exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    await subscriber.close();
  });
});
