// Times an ABC classification of the real car-parts history (2,674 parts, 51 months) on SQLite
// and on PostgreSQL. Run with `npm run bench [-- --iterations 10]`. The PostgreSQL server comes
// from BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), where a scratch
// database is created and dropped.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execute, parse } from 'graphql';
import { AVAILABLE_PLUGINS } from '../app/plugins.js';
import type { AppConfig, DatabaseConfig } from '../core/config.js';
import { countStatements } from '../core/database/statement-counter.js';
import {
  createDatabase,
  dropDatabase,
  isPostgresReachable,
  withDatabase,
} from '../core/database/postgres-admin.js';
import { StaffRole } from '../core/entities/enums.js';
import { createLogger } from '../core/logger.js';
import { ApiScope, type Principal } from '../core/security/principal.js';
import { createRuntime, type ServiceRuntime } from '../core/runtime.js';
import { importCarpartsDemand } from '../plugins/spare-parts/import/carparts-import.js';

const PARTS_CLERK: Principal = {
  kind: 'staff',
  id: 'staff:bench',
  name: 'benchmark',
  roles: [StaffRole.PARTS_CLERK],
  scopes: [ApiScope.READ, ApiScope.WRITE],
};

const RUN = `mutation($input: RunAbcClassificationInput!) {
  runAbcClassification(input: $input) { run { id partCount classCounts { abcClass parts } } }
}`;

/** The runs timed on each database: the test's shape first, then the defaults. */
const CASES: { name: string; input: Record<string, unknown> }[] = [
  { name: 'QUANTITY, all 51 months', input: { basis: 'QUANTITY', allMonths: true } },
  { name: 'FREQUENCY, all 51 months', input: { basis: 'FREQUENCY', allMonths: true } },
  {
    name: 'VALUE, 12 months to 2002-04-01',
    input: { classifiedAt: '2002-04-01T00:00:00.000Z' },
  },
];

interface Row {
  database: string;
  case: string;
  statements: number;
  classes: string;
  median: number;
  min: number;
  max: number;
}

async function classifyOnce(runtime: ServiceRuntime, input: Record<string, unknown>) {
  const scope = runtime.createScope(PARTS_CLERK);
  const started = performance.now();
  const result = await countStatements(scope.statements, () =>
    execute({
      schema: runtime.schema,
      document: parse(RUN),
      variableValues: { input },
      contextValue: scope,
    }),
  );
  const elapsed = performance.now() - started;
  if (result.errors) throw new Error(`Classification failed: ${result.errors[0].message}`);
  const run = (
    result.data as {
      runAbcClassification: { run: { classCounts: { abcClass: string; parts: number }[] } };
    }
  ).runAbcClassification.run;
  const classes = run.classCounts.map((entry) => `${entry.abcClass} ${entry.parts}`).join(', ');
  return { elapsed, statements: scope.statements.count, classes };
}

async function benchDatabase(
  label: string,
  database: DatabaseConfig,
  iterations: number,
): Promise<Row[]> {
  const config: AppConfig = {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database,
    logLevel: 'warn',
    demoData: false,
    plugins: 'all',
    jwt: {},
    rateLimit: { enabled: false, capacity: 300, refillPerSecond: 10, keyPrefix: 'rate-limit:' },
  };
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('error'),
  });
  try {
    const importStarted = performance.now();
    const report = await runtime.runAsSystem((scope) => importCarpartsDemand(scope));
    console.log(
      `${label}: imported ${report.partsCreated} parts and ${report.movementsCreated} issues in ` +
        `${((performance.now() - importStarted) / 1000).toFixed(1)} s`,
    );
    const rows: Row[] = [];
    for (const { name, input } of CASES) {
      // Two warm-up runs, so that the timed ones see warm caches and compiled code.
      await classifyOnce(runtime, input);
      await classifyOnce(runtime, input);
      const times: number[] = [];
      let last = await classifyOnce(runtime, input);
      times.push(last.elapsed);
      for (let index = 1; index < iterations; index += 1) {
        last = await classifyOnce(runtime, input);
        times.push(last.elapsed);
      }
      times.sort((a, b) => a - b);
      rows.push({
        database: label,
        case: name,
        statements: last.statements,
        classes: last.classes,
        median: times[Math.floor(times.length / 2)],
        min: times[0],
        max: times[times.length - 1],
      });
    }
    return rows;
  } finally {
    await runtime.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '10' } } });
  const iterations = Number(values.iterations);
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new Error(`--iterations must be a whole number of 1 or more, got ${values.iterations}`);
  }
  const rows: Row[] = [];

  const folder = mkdtempSync(join(tmpdir(), 'abc-bench-'));
  try {
    rows.push(
      ...(await benchDatabase(
        'SQLite',
        { kind: 'sqlite', file: join(folder, 'bench.sqlite') },
        iterations,
      )),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await isPostgresReachable(server)) {
    const name = `abc_bench_${randomBytes(4).toString('hex')}`;
    await createDatabase(server, name);
    try {
      rows.push(
        ...(await benchDatabase(
          'PostgreSQL',
          { kind: 'postgres', url: withDatabase(server, name) },
          iterations,
        )),
      );
    } finally {
      await dropDatabase(server, name);
    }
  } else {
    console.warn(`PostgreSQL is unreachable at ${server}: skipping it`);
  }

  console.log(
    `\n${cpus().length} CPUs (${cpus()[0]?.model}), Node.js ${process.version}, ` +
      `${iterations} timed runs per case after 2 warm-up runs`,
  );
  console.log('| database | run | statements | classes | median ms | min ms | max ms |');
  console.log('| --- | --- | ---: | --- | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(
      `| ${row.database} | ${row.case} | ${row.statements} | ${row.classes} | ` +
        `${row.median.toFixed(0)} | ${row.min.toFixed(0)} | ${row.max.toFixed(0)} |`,
    );
  }
  console.log(`load average after the run: ${loadavg()[0].toFixed(2)}`);
  const slow = rows.filter((row) => row.median >= 1000);
  if (slow.length > 0) {
    console.error(`Median at or above 1 s: ${slow.map((row) => `${row.database} ${row.case}`)}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
