import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { BenchServer } from './servers.js';
import { residentBytes } from './servers.js';
import type { GraphQLRequest } from './operations.js';

/** Load settings: fixed concurrency for a fixed time, after a warm-up of the same shape. */
export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** Figures of one measured load run against one server. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses that were not HTTP 200 or that carried GraphQL errors, plus socket errors. */
  failures: number;
  /** Server CPU time (user and system) per request, in milliseconds. */
  cpuMsPerRequest: number;
  /** Server resident set size right after the run. */
  rssBytes: number;
}

// USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on Linux for x86-64.
const CLOCK_TICKS_PER_SECOND = 100;

/** Returns the CPU time a process has used so far, in milliseconds, from /proc. */
function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return ((userTicks + systemTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function drive(
  server: BenchServer,
  bodies: string[],
  connections: number,
  durationSeconds: number,
): Promise<{ result: autocannon.Result; failures: number }> {
  let next = 0;
  let failures = 0;
  const result = await autocannon({
    url: server.url,
    connections,
    duration: durationSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...server.headers },
    requests: [
      {
        // Each request takes the next input, so the load covers many units and orders.
        setupRequest: (request) => {
          request.body = bodies[next % bodies.length];
          next += 1;
          return request;
        },
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) failures += 1;
        },
      },
    ],
  });
  return { result, failures: failures + result.errors + result.timeouts };
}

/** Warms a server up, then measures it under load with the given request bodies. */
export async function measureLoad(
  server: BenchServer,
  requests: GraphQLRequest[],
  settings: LoadSettings,
): Promise<LoadResult> {
  const bodies = requests.map((request) => JSON.stringify(request));
  await drive(server, bodies, settings.connections, settings.warmupSeconds);
  const pid = server.process.pid!;
  const cpuBefore = cpuMilliseconds(pid);
  const { result, failures } = await drive(
    server,
    bodies,
    settings.connections,
    settings.durationSeconds,
  );
  const cpuAfter = cpuMilliseconds(pid);
  const requestCount = result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: requestCount,
    failures,
    cpuMsPerRequest: requestCount > 0 ? (cpuAfter - cpuBefore) / requestCount : NaN,
    rssBytes: residentBytes(pid),
  };
}
