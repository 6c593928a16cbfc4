import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultOperationLimits } from '../../core/config.js';
import { totalStatements } from '../../core/database/statement-counter.js';
import {
  HOSTILE_CORPUS,
  PRODUCTION_HOSTILE_CORPUS,
  type HostileCase,
} from '../support/hostile-corpus.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/test-service.js';

/** Connection-init timeout of the test service, short so that the timeout test is quick. */
const INIT_TIMEOUT_MS = 300;
const LIMITS = { ...defaultOperationLimits('test'), wsConnectionInitTimeoutMs: INIT_TIMEOUT_MS };

interface HttpReply {
  status: number;
  body: { data?: unknown; errors?: GraphQLFormattedError[] };
}

async function post(service: TestService, body: unknown): Promise<HttpReply> {
  const response = await fetch(service.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_KEY}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as HttpReply['body'] };
}

function get(service: TestService, query: string): Promise<Response> {
  return fetch(`${service.server.url}?query=${encodeURIComponent(query)}`, {
    headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${TEST_ADMIN_KEY}` },
  });
}

/**
 * Runs `work` and checks that the process issued no SQL statement meanwhile. A valid request first
 * puts the admin key in the authenticator's cache, so that authentication issues none either.
 */
async function expectNoStatements<T>(service: TestService, work: () => Promise<T>): Promise<T> {
  await post(service, { query: '{ __typename }' });
  const before = totalStatements();
  const result = await work();
  expect(totalStatements(), 'SQL statements issued').toBe(before);
  return result;
}

/**
 * Sends an operation over graphql-ws. An `error` message means the server rejected it before
 * execution, and a `next` message means it ran, with or without errors.
 */
function sendWs(
  client: Client,
  operation: Pick<HostileCase, 'query' | 'variables' | 'operationName'>,
): Promise<{ message: 'error' | 'next'; errors: readonly GraphQLFormattedError[] }> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      {
        query: operation.query,
        variables: operation.variables,
        operationName: operation.operationName,
      },
      {
        next: (result) => resolve({ message: 'next', errors: result.errors ?? [] }),
        error: (error) =>
          Array.isArray(error)
            ? resolve({ message: 'error', errors: error as GraphQLFormattedError[] })
            : reject(error),
        complete: () => reject(new Error('completed without a message')),
      },
    );
  });
}

function expectRejection(
  errors: readonly GraphQLFormattedError[] | undefined,
  hostile: HostileCase,
) {
  expect(errors?.length, 'number of errors').toBeGreaterThan(0);
  const [error] = errors!;
  expect(error.extensions?.code, error.message).toBe(hostile.code);
  if (hostile.field) expect(error.extensions?.field, error.message).toBe(hostile.field);
  for (const text of hostile.message ?? []) expect(error.message).toContain(text);
  expect(error.extensions?.http, 'internal extension').toBeUndefined();
  expect(error.extensions?.stacktrace, 'stack trace').toBeUndefined();
}

function connect(service: TestService): Client {
  return createClient({
    url: service.server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
  });
}

/** Opens a raw graphql-transport-ws socket and records how it closes. */
async function openSocket(
  service: TestService,
): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(service.server.wsUrl, 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await once(socket, 'open');
  return { socket, closed };
}

/** Sends connection_init and waits for connection_ack. */
async function initialise(socket: WebSocket) {
  const payload = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
  socket.send(JSON.stringify({ type: 'connection_init', payload }));
  const [data] = (await once(socket, 'message')) as [Buffer];
  expect(JSON.parse(data.toString())).toEqual({ type: 'connection_ack' });
}

const subscribeMessage = (id: string, query: string) =>
  JSON.stringify({ id, type: 'subscribe', payload: { query } });

describe.skipIf(!databaseAvailable)('hostile operations', () => {
  let service: TestService;
  let production: TestService;
  let client: Client;
  let productionClient: Client;

  beforeAll(async () => {
    service = await startTestService({ config: { limits: LIMITS } });
    production = await startTestService({ config: { environment: 'production' } });
    client = connect(service);
    productionClient = connect(production);
  });
  afterAll(async () => {
    await client?.dispose();
    await productionClient?.dispose();
    await service?.close();
    await production?.close();
  });

  describe('over HTTP', () => {
    it.each(HOSTILE_CORPUS.map((hostile) => [hostile.name, hostile] as const))(
      'rejects %s',
      async (_name, hostile) => {
        const reply = await expectNoStatements(service, () =>
          post(service, {
            query: hostile.query,
            variables: hostile.variables,
            operationName: hostile.operationName,
          }),
        );
        expect(reply.status, JSON.stringify(reply.body.errors)).toBe(400);
        expect(reply.body.data, 'data').toBeUndefined();
        expectRejection(reply.body.errors, hostile);
      },
    );

    it.each(PRODUCTION_HOSTILE_CORPUS.map((hostile) => [hostile.name, hostile] as const))(
      'rejects %s in production',
      async (_name, hostile) => {
        const reply = await expectNoStatements(production, () =>
          post(production, { query: hostile.query }),
        );
        expect(reply.status).toBe(400);
        expectRejection(reply.body.errors, hostile);
      },
    );

    it('rejects a batched array body', async () => {
      const batch = Array.from({ length: 50 }, () => ({
        query: '{ customers(first: 100) { totalCount } }',
      }));
      const reply = await expectNoStatements(service, () => post(service, batch));
      expect(reply.status).toBe(400);
      expectRejection(reply.body.errors, {
        name: 'batch',
        query: '',
        code: 'BATCH_NOT_ALLOWED',
        message: ['array of 50 operations', 'send each operation as its own JSON object'],
      });
    });

    it('rejects a body over 1 MB', async () => {
      const query = `{ customerByCode(code: "${'X'.repeat(1_100_000)}") { code } }`;
      const reply = await expectNoStatements(service, () => post(service, { query }));
      expect(reply.status).toBe(413);
      expectRejection(reply.body.errors, {
        name: 'body over 1 MB',
        query: '',
        code: 'REQUEST_TOO_LARGE',
        message: ['1100051 bytes', 'maximum of 1048576 bytes', 'send a shorter document'],
      });
    });

    it('rejects a body that is not JSON', async () => {
      const response = await expectNoStatements(service, () =>
        fetch(service.server.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${TEST_ADMIN_KEY}`,
          },
          body: '{"query": ',
        }),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as HttpReply['body'];
      expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      expect(body.errors?.[0].message).toContain('The request body is invalid');
      expect(body.errors?.[0].message).toContain('send a UTF-8 JSON object');
      expect(body.errors?.[0].message).not.toMatch(/\n\s+at /);
    });

    it('rejects too many tokens sent with GET', async () => {
      const query = `{ customers(first: 1) { edges { node { ${'id '.repeat(2000)} } } } }`;
      const response = await expectNoStatements(service, () => get(service, query));
      expect(response.status).toBe(400);
      const body = (await response.json()) as HttpReply['body'];
      expect(body.errors?.[0].extensions?.code).toBe('TOO_MANY_TOKENS');
    });

    it('rejects a GET URL over the HTTP header limit', async () => {
      // Node.js responds with 431 itself when the request line and headers exceed 16 KiB.
      const query = `{ customerByCode(code: "${'X'.repeat(30_000)}") { code } }`;
      const response = await expectNoStatements(service, () => get(service, query));
      expect(response.status).toBe(431);
    });

    it('hides field suggestions in production', async () => {
      const query = '{ customers(first: 1) { totalCont } }';
      const reply = await expectNoStatements(production, () => post(production, { query }));
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors?.[0].message).toBe(
        'Cannot query field "totalCont" on type "CustomerConnection".',
      );
    });

    it('shows field suggestions outside production', async () => {
      const reply = await post(service, { query: '{ customers(first: 1) { totalCont } }' });
      expect(reply.body.errors?.[0].message).toContain('Did you mean "totalCount"?');
    });

    it('accepts the deepest query real clients send', async () => {
      const reply = await post(service, {
        query: `{ equipmentList(first: 50) { edges { node { repairOrders(first: 10) {
          edges { node { customer { code } } } } } } } }`,
      });
      expect(reply.body.errors).toBeUndefined();
      expect(reply.status).toBe(200);
    });

    it('serves an automatic persisted query', async () => {
      const query = '{ customers(first: 1) { totalCount } }';
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };

      const unknown = await post(service, { extensions });
      expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await post(service, { query, extensions });
      expect(registered.body.errors).toBeUndefined();
      const byHash = await post(service, { extensions });
      expect(byHash.body.errors).toBeUndefined();
      expect(byHash.body.data).toEqual({ customers: { totalCount: 0 } });
    });

    it('keeps CSRF prevention on', async () => {
      const response = await fetch(
        `${service.server.url}?query=${encodeURIComponent('{ __typename }')}`,
        {
          headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
        },
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('CSRF');
    });
  });

  describe('over graphql-ws', () => {
    it.each(HOSTILE_CORPUS.map((hostile) => [hostile.name, hostile] as const))(
      'rejects %s',
      async (_name, hostile) => {
        await sendWs(client, { query: '{ __typename }' });
        const reply = await expectNoStatements(service, () => sendWs(client, hostile));
        expect(reply.message, 'message type').toBe('error');
        expectRejection(reply.errors, hostile);
      },
    );

    it.each(PRODUCTION_HOSTILE_CORPUS.map((hostile) => [hostile.name, hostile] as const))(
      'rejects %s in production',
      async (_name, hostile) => {
        await sendWs(productionClient, { query: '{ __typename }' });
        const reply = await expectNoStatements(production, () => sendWs(productionClient, hostile));
        expect(reply.message, 'message type').toBe('error');
        expectRejection(reply.errors, hostile);
      },
    );

    it('hides field suggestions in production', async () => {
      const { errors } = await sendWs(productionClient, {
        query: '{ customers(first: 1) { totalCont } }',
      });
      expect(errors[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors[0].message).toBe(
        'Cannot query field "totalCont" on type "CustomerConnection".',
      );
    });

    it('closes with 4401 on an operation before connection_init', async () => {
      const { socket, closed } = await expectNoStatements(service, async () => {
        const opened = await openSocket(service);
        opened.socket.send(subscribeMessage('1', '{ customers(first: 1) { totalCount } }'));
        await opened.closed;
        return opened;
      });
      expect((await closed).code).toBe(4401);
      socket.terminate();
    });

    it('closes with 4408 without connection_init in time', async () => {
      await expectNoStatements(service, async () => {
        const started = performance.now();
        const { closed } = await openSocket(service);
        const { code } = await closed;
        expect(code).toBe(4408);
        expect(performance.now() - started).toBeLessThan(INIT_TIMEOUT_MS + 1_000);
      });
    });

    it('closes with 4429 on a second connection_init', async () => {
      const { socket, closed } = await openSocket(service);
      await initialise(socket);
      await expectNoStatements(service, async () => {
        socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
        expect((await closed).code).toBe(4429);
      });
    });

    it('closes with 4409 on a reused operation id', async () => {
      const { socket, closed } = await openSocket(service);
      await initialise(socket);
      await expectNoStatements(service, async () => {
        // Both frames reach the server in one read, so the first operation is still running.
        socket.send(subscribeMessage('same', '{ __typename }'));
        socket.send(subscribeMessage('same', '{ __typename }'));
        expect((await closed).code).toBe(4409);
      });
    });

    it('closes with 1009 on a frame over the maximum payload', async () => {
      const { socket, closed } = await openSocket(service);
      await initialise(socket);
      await expectNoStatements(service, async () => {
        socket.send(
          subscribeMessage('big', `{ customerByCode(code: "${'X'.repeat(70_000)}") { code } }`),
        );
        expect((await closed).code).toBe(1009);
      });
    });

    it('closes with 4403 on malformed credentials', async () => {
      const { socket, closed } = await openSocket(service);
      await expectNoStatements(service, async () => {
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: 'Basic abc' } }),
        );
        expect((await closed).code).toBe(4403);
      });
    });

    it('closes with 4403 on an unknown API key after one lookup', async () => {
      const { socket, closed } = await openSocket(service);
      await post(service, { query: '{ __typename }' });
      const before = totalStatements();
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: 'Bearer unknown-key-0123456789abcdef' },
        }),
      );
      expect((await closed).code).toBe(4403);
      // The authenticator looks the key up once, and no operation runs.
      expect(totalStatements() - before).toBe(1);
    });

    it('closes with 4406 without the graphql-transport-ws subprotocol', async () => {
      const socket = new WebSocket(service.server.wsUrl);
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(4406);
    });
  });
});
