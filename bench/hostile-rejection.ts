// Measures how long the server takes to reject each hostile operation shape, over HTTP and
// graphql-ws, on a fresh SQLite database. Run with `npm run bench:hostile [-- --iterations 200]`.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AVAILABLE_PLUGINS } from '../app/plugins.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { createRuntime } from '../core/runtime.js';
import { startServer, type RunningServer } from '../core/server.js';
import {
  HOSTILE_CORPUS,
  PRODUCTION_HOSTILE_CORPUS,
  type HostileCase,
} from '../test/support/hostile-corpus.js';

const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

interface Shape {
  name: string;
  /** JSON body for HTTP, or undefined for a shape that exists only on graphql-ws. */
  httpBody?: unknown;
  /** Operation for graphql-ws, or undefined for an HTTP-only shape such as a batch. */
  wsOperation?: Pick<HostileCase, 'query' | 'variables' | 'operationName'>;
  /** Expected `extensions.code`, or undefined for the accepted baseline. */
  code?: string;
}

interface Row {
  shape: string;
  transport: 'http' | 'graphql-ws';
  code: string;
  p50: number;
  p99: number;
  max: number;
  unexpected: number;
}

function shapesOf(corpus: HostileCase[]): Shape[] {
  return corpus.map((hostile) => ({
    name: hostile.name,
    httpBody: {
      query: hostile.query,
      variables: hostile.variables,
      operationName: hostile.operationName,
    },
    wsOperation: hostile,
    code: hostile.code,
  }));
}

const BASELINE: Shape = {
  name: 'accepted { __typename } (baseline)',
  httpBody: { query: '{ __typename }' },
  wsOperation: { query: '{ __typename }' },
};

const BATCH: Shape = {
  name: 'batched array body',
  httpBody: Array.from({ length: 50 }, () => ({
    query: '{ customers(first: 100) { totalCount } }',
  })),
  code: 'BATCH_NOT_ALLOWED',
};

/** Nearest-rank percentile of sorted durations. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)];
}

async function sendHttp(url: string, body: unknown): Promise<string | undefined> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as { errors?: GraphQLFormattedError[] };
  return reply.errors?.[0]?.extensions?.code as string | undefined;
}

function sendWs(client: Client, operation: Shape['wsOperation']): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    client.subscribe(operation!, {
      next: (result) => resolve(result.errors?.[0]?.extensions?.code as string | undefined),
      error: (error) =>
        Array.isArray(error)
          ? resolve((error as GraphQLFormattedError[])[0]?.extensions?.code as string | undefined)
          : reject(error),
      complete: () => resolve(undefined),
    });
  });
}

/** Sends `send` `warmup + iterations` times, one at a time, and times the last `iterations`. */
async function measure(
  shape: Shape,
  transport: Row['transport'],
  iterations: number,
  warmup: number,
  send: () => Promise<string | undefined>,
): Promise<Row> {
  const durations: number[] = [];
  let unexpected = 0;
  for (let index = 0; index < warmup + iterations; index += 1) {
    const started = performance.now();
    const code = await send();
    const elapsed = performance.now() - started;
    if (index < warmup) continue;
    durations.push(elapsed);
    if (code !== shape.code) unexpected += 1;
  }
  durations.sort((a, b) => a - b);
  return {
    shape: shape.name,
    transport,
    code: shape.code ?? '(accepted)',
    p50: percentile(durations, 0.5),
    p99: percentile(durations, 0.99),
    max: durations[durations.length - 1],
    unexpected,
  };
}

async function startBenchServer(
  folder: string,
  environment: 'test' | 'production',
): Promise<{ server: RunningServer; close(): Promise<void> }> {
  const config = loadConfig({
    NODE_ENV: environment,
    DATABASE_URL: `sqlite:${join(folder, `${environment}.sqlite`)}`,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY,
    // Every request would otherwise draw from one bucket and be rejected as RATE_LIMITED.
    RATE_LIMIT_ENABLED: 'false',
  });
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('error'),
  });
  const server = await startServer(runtime, 0, '127.0.0.1');
  return {
    server,
    async close() {
      await server.close();
      await runtime.close();
    },
  };
}

async function benchmark(
  server: RunningServer,
  shapes: Shape[],
  iterations: number,
  warmup: number,
): Promise<Row[]> {
  const client = createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
  });
  const rows: Row[] = [];
  try {
    for (const shape of shapes) {
      if (shape.httpBody !== undefined) {
        rows.push(
          await measure(shape, 'http', iterations, warmup, () =>
            sendHttp(server.url, shape.httpBody),
          ),
        );
      }
      if (shape.wsOperation) {
        rows.push(
          await measure(shape, 'graphql-ws', iterations, warmup, () =>
            sendWs(client, shape.wsOperation),
          ),
        );
      }
    }
  } finally {
    await client.dispose();
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const header = '| shape | transport | code | p50 ms | p99 ms | max ms |';
  console.log(header);
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.shape} | ${row.transport} | ${row.code} | ${row.p50.toFixed(2)} | ` +
        `${row.p99.toFixed(2)} | ${row.max.toFixed(2)} |`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
    },
  });
  const iterations = Number(values.iterations);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(warmup) || warmup < 0) {
    throw new Error('--iterations must be a whole number of 1 or more, --warmup 0 or more');
  }

  const folder = mkdtempSync(join(tmpdir(), 'osp-bench-'));
  const services: { close(): Promise<void> }[] = [];
  try {
    const test = await startBenchServer(folder, 'test');
    services.push(test);
    const production = await startBenchServer(folder, 'production');
    services.push(production);

    const rows = [
      ...(await benchmark(
        test.server,
        [BASELINE, ...shapesOf(HOSTILE_CORPUS), BATCH],
        iterations,
        warmup,
      )),
      ...(await benchmark(
        production.server,
        shapesOf(PRODUCTION_HOSTILE_CORPUS).map((shape) => ({
          ...shape,
          name: `${shape.name} (production)`,
        })),
        iterations,
        warmup,
      )),
    ];

    const load = loadavg().map((value) => value.toFixed(2));
    console.log(
      `Node.js ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ` +
        `load average ${load.join(' ')} after the run`,
    );
    console.log(`${iterations} requests per shape and transport, after ${warmup} warm-up ones.\n`);
    printTable(rows);
    const wrong = rows.filter((row) => row.unexpected > 0);
    for (const row of wrong) {
      console.error(
        `${row.shape} over ${row.transport}: ${row.unexpected} replies without ${row.code}`,
      );
    }
    if (wrong.length > 0) process.exitCode = 1;
  } finally {
    for (const service of services) await service.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
