// `npm run bench:history`: the service-history benchmark of this project against PostGraphile 5.
// See docs/benchmarks.md for what it measures and how to read the table.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { checkAndCount, type CountResult } from './check-and-count.js';
import { DEFAULT_BENCH_DATABASE_URL, ensureHistoryData, readerUrl } from './history-database.js';
import { HISTORY_VOLUME } from './history-data.sql.js';
import { measureLoad, type LoadResult, type LoadSettings } from './load.js';
import {
  fleetHistory,
  orderDetail,
  unitHistory,
  type GraphQLRequest,
  type HistoryOperation,
} from './operations.js';
import { printReport, type OperationReport } from './report.js';
import { POSTGRAPHILE_NODE, startPostgraphile, startProjectServer } from './servers.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    inputs: { type: 'string', default: '200' },
    check: { type: 'string', default: '20' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'npm run bench:history [-- options]\n' +
      '  --database-url URL  PostgreSQL server (or BENCH_DATABASE_URL)\n' +
      '  --rebuild           drop and build the benchmark database again\n' +
      '  --skip-build        run the last build of this project\n' +
      '  --connections 16 --warmup 5 --duration 20 --rounds 2 --inputs 200 --check 20\n' +
      '  --json FILE         keep the raw figures',
  );
  process.exit(0);
}

const databaseUrl =
  values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const settings: LoadSettings = {
  connections: positive(values.connections!, '--connections'),
  durationSeconds: positive(values.duration!, '--duration'),
  warmupSeconds: positive(values.warmup!, '--warmup'),
};
const rounds = positive(values.rounds!, '--rounds');
const inputCount = positive(values.inputs!, '--inputs');
const checkCount = Math.min(positive(values.check!, '--check'), inputCount);

function positive(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${option} ${value} is invalid: expected a whole number, 1 or more`);
  }
  return number;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

/** The id md5('bench-order-<n>')::uuid that the generator gave order n. */
function generatedOrderId(n: number): string {
  const hex = createHash('md5').update(`bench-order-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An operation with the requests of every input in both dialects, in the same order. */
interface PreparedOperation {
  operation: HistoryOperation<never>;
  project: GraphQLRequest[];
  postgraphile: GraphQLRequest[];
}

function prepare<Input>(operation: HistoryOperation<Input>, inputs: Input[]): PreparedOperation {
  return {
    operation: operation as HistoryOperation<never>,
    project: inputs.map((input) => operation.project(input)),
    postgraphile: inputs.map((input) => operation.postgraphile(input)),
  };
}

function preparedOperations(): PreparedOperation[] {
  const spread = (index: number, size: number) => 1 + ((index * 7_919) % size);
  const serials = Array.from(
    { length: inputCount },
    (_, index) => `BU-${String(spread(index, HISTORY_VOLUME.units)).padStart(6, '0')}`,
  );
  const codes = Array.from(
    { length: inputCount },
    (_, index) => `BC-${String(1 + (index % HISTORY_VOLUME.largeFleets)).padStart(4, '0')}`,
  );
  const orders = Array.from({ length: inputCount }, (_, index) =>
    generatedOrderId(spread(index, HISTORY_VOLUME.repairOrders)),
  );
  return [
    prepare(
      unitHistory,
      serials.map((serial) => ({ serial, first: 20 })),
    ),
    prepare(
      fleetHistory,
      codes.map((code) => ({ code, units: 50, first: 10 })),
    ),
    prepare(
      orderDetail,
      orders.map((id) => ({ id })),
    ),
  ];
}

/** Returns the median, leaving out NaN (the CPU time per request of a run that completed none). */
function median(numbers: number[]): number {
  const sorted = numbers.filter((number) => !Number.isNaN(number)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  console.log(
    `load average at start: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  const counts = await ensureHistoryData(databaseUrl, { rebuild: values.rebuild });
  console.log(
    `data: ${counts.customers} customers, ${counts.units} units, ${counts.allOrders} repair orders`,
  );
  if (!existsSync(POSTGRAPHILE_NODE)) run('npm', ['ci', '--prefix', 'bench/postgraphile']);
  if (!values['skip-build']) run('npm', ['run', 'build']);

  const operations = preparedOperations();
  const apiKey = `bench_${randomBytes(24).toString('base64url')}`;
  const postgraphileUrl = readerUrl(databaseUrl);

  // Phase 1: both servers reach PostgreSQL through counting proxies. Every input checked must
  // return the same records from both, and the proxies count the statements per request.
  const statementCounts: CountResult[] = await checkAndCount({
    databaseUrl,
    postgraphileUrl,
    apiKey,
    operations,
    checkCount,
  });

  // Phase 2: fresh servers that talk to PostgreSQL directly, driven in turn by autocannon.
  const project = await startProjectServer({ databaseUrl, apiKey, logLevel: 'warn' });
  const postgraphile = await startPostgraphile({ databaseUrl: postgraphileUrl });
  const loads = operations.map(() => ({
    project: [] as LoadResult[],
    postgraphile: [] as LoadResult[],
  }));
  try {
    for (let round = 1; round <= rounds; round += 1) {
      for (const [index, prepared] of operations.entries()) {
        const name = prepared.operation.name;
        const projectLoad = await measureLoad(project, prepared.project, settings);
        console.log(
          `round ${round}, ${name}, this project: ${projectLoad.requestsPerSecond.toFixed(0)} requests/s`,
        );
        const postgraphileLoad = await measureLoad(postgraphile, prepared.postgraphile, settings);
        console.log(
          `round ${round}, ${name}, PostGraphile: ${postgraphileLoad.requestsPerSecond.toFixed(0)} requests/s`,
        );
        loads[index].project.push(projectLoad);
        loads[index].postgraphile.push(postgraphileLoad);
      }
    }
  } finally {
    await project.stop();
    await postgraphile.stop();
  }

  const reports: OperationReport[] = operations.map((prepared, index) => ({
    name: prepared.operation.name,
    description: prepared.operation.description,
    statements: statementCounts[index],
    project: loads[index].project,
    postgraphile: loads[index].postgraphile,
  }));
  printReport(reports, settings, median);
  console.log(
    `load average at end: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  if (values.json) {
    writeFileSync(values.json, JSON.stringify({ settings, rounds, reports }, null, 2));
    console.log(`wrote ${values.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
