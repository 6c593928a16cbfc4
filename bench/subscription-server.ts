// Server side of `npm run bench:subscriptions`: a child process that runs one API instance on a
// temporary SQLite database, so that its memory is measured apart from the clients'.
// It talks to the parent over the IPC channel of `child_process.fork`:
// it sends `{ type: 'ready', url, wsUrl }` once listening, responds to `{ type: 'stats' }` with
// `{ type: 'stats', usage, cpu, statements }` (after a full garbage collection when started with
// --expose-gc, and with the number of SQL statements issued so far),
// and closes on `{ type: 'close' }`.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AVAILABLE_PLUGINS } from '../app/plugins.js';
import { loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { createRuntime } from '../core/runtime.js';
import { totalStatements } from '../core/database/statement-counter.js';
import { startServer } from '../core/server.js';

/** Messages the parent sends to this process. */
export type ServerRequest = { type: 'stats' } | { type: 'close' };

/** Messages this process sends to the parent. */
export type ServerReply =
  | { type: 'ready'; url: string; wsUrl: string }
  | { type: 'stats'; usage: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; statements: number };

function send(reply: ServerReply): void {
  process.send?.(reply);
}

async function main(): Promise<void> {
  const adminKey = process.env.BENCH_ADMIN_KEY;
  if (!process.send || !adminKey) {
    throw new Error(
      'bench/subscription-server.ts is started by bench/subscription-delivery.ts, ' +
        'which sets BENCH_ADMIN_KEY and the IPC channel: run `npm run bench:subscriptions`',
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'osp-bench-subscriptions-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(folder, 'bench.sqlite')}`,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'error',
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    // Every subscriber uses the admin key, so one shared bucket would reject most subscribe
    // messages as RATE_LIMITED.
    RATE_LIMIT_ENABLED: 'false',
  });
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('error'),
  });
  const server = await startServer(runtime, 0, '127.0.0.1');

  const close = async () => {
    await server.close();
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
    process.disconnect?.();
  };
  process.on('message', (request: ServerRequest) => {
    if (request.type === 'stats') {
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      send({
        type: 'stats',
        usage: process.memoryUsage(),
        cpu: process.cpuUsage(),
        statements: totalStatements(),
      });
    } else if (request.type === 'close') {
      close().catch((error: unknown) => {
        console.error('closing the bench server failed', error);
        process.exit(1);
      });
    }
  });
  // The parent ended without sending `close`, so nothing else will stop this process.
  process.on('disconnect', () => {
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  });
  send({ type: 'ready', url: server.url, wsUrl: server.wsUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
