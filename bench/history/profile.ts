// `tsx bench/history/profile.ts`: takes a CPU profile of this project's compiled server while it
// serves one benchmark operation, and prints where the time goes, by package and by function.
// Run `npm run bench:history` (or `npm run bench:history:data` and `npm run build`) first.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { DEFAULT_BENCH_DATABASE_URL } from './history-database.js';
import { fleetHistory, orderDetail, unitHistory, type HistoryOperation } from './operations.js';
import { startProjectServer } from './servers.js';

const { values } = parseArgs({
  options: {
    operation: { type: 'string', default: 'fleet' },
    requests: { type: 'string' },
    connections: { type: 'string', default: '8' },
    top: { type: 'string', default: '25' },
  },
});

// The profile includes the server's start (about a second of CPU), so each operation runs long
// enough by default for its requests to dominate.
const operations: Record<
  string,
  { operation: HistoryOperation<never>; input: unknown; requests: number }
> = {
  unit: {
    operation: unitHistory as HistoryOperation<never>,
    input: { serial: 'BU-000123', first: 20 },
    requests: 3_000,
  },
  fleet: {
    operation: fleetHistory as HistoryOperation<never>,
    input: { code: 'BC-0001', units: 50, first: 10 },
    requests: 500,
  },
  order: {
    operation: orderDetail as HistoryOperation<never>,
    input: { id: '4ad9e433-3f84-69b7-e6bf-08b9efc94681' },
    requests: 5_000,
  },
};

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Names the package of a script URL, or the project folder for the project's own code. */
function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.includes('/dist/')) return `project ${url.split('/dist/')[1].split('/')[0]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? '(native, GC or idle)' : url;
}

function printTop(title: string, totals: Map<string, number>, all: number, top: number): void {
  console.log(`\n${title}`);
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, micros] of sorted) {
    console.log(`${((100 * micros) / all).toFixed(1).padStart(5)} %  ${name}`);
  }
}

function summarise(profile: CpuProfile, top: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const micros = profile.timeDeltas[index] ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    all += micros;
    const name = packageOf(url);
    byPackage.set(name, (byPackage.get(name) ?? 0) + micros);
    const label = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
  });
  console.log(`busy time in the profile: ${(all / 1000).toFixed(0)} ms`);
  printTop('self time by package', byPackage, all, top);
  printTop('self time by function', byFunction, all, top);
}

async function main(): Promise<void> {
  const chosen = operations[values.operation!];
  if (!chosen)
    throw new Error(`--operation ${values.operation} is invalid: use unit, fleet or order`);
  const { operation, input } = chosen;
  const requests = values.requests ? Number(values.requests) : chosen.requests;
  const folder = mkdtempSync(join(tmpdir(), 'osp-history-profile-'));
  const apiKey = `bench_${randomBytes(24).toString('base64url')}`;
  const server = await startProjectServer({
    databaseUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL,
    apiKey,
    logLevel: 'warn',
    nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${folder}`],
  });
  try {
    const result = await autocannon({
      url: server.url,
      connections: Number(values.connections),
      amount: requests,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify(operation.project(input as never)),
    });
    console.log(
      `${operation.name}: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} requests/s, ${result.non2xx} not 200`,
    );
  } finally {
    await server.stop();
  }
  const file = readdirSync(folder).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no CPU profile into ${folder}`);
  console.log(`profile: ${join(folder, file)}`);
  summarise(JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile, Number(values.top));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
