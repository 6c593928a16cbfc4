import 'reflect-metadata';
import pg from 'pg';
import { AVAILABLE_PLUGINS } from '../../app/plugins.js';
import { loadConfig } from '../../core/config.js';
import { createDatabase, dropDatabase, withDatabase } from '../../core/database/postgres-admin.js';
import { createLogger } from '../../core/logger.js';
import { createRuntime } from '../../core/runtime.js';
import { importExcavatorHistory } from '../../plugins/repair/index.js';
import {
  HISTORY_VOLUME,
  masterDataStatements,
  ORDER_NUMBER_PREFIX,
  repairOrderChunkStatement,
} from './history-data.sql.js';

/** Database the service-history benchmark fills and both servers read. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/osp_bench_history';

/** Login role with SELECT grants only, which PostGraphile connects as. */
export const READER_ROLE = 'osp_bench_reader';

/** Tables the reader role may read: the service-history records, not keys or the audit trail. */
const READABLE_TABLES = ['customer', 'site', 'equipment_model', 'equipment', 'repair_order'];

/** Databases that belong to the machine or to other work and must never be filled or dropped. */
const PROTECTED_DATABASES = new Set(['postgres', 'test', 'root', 'template0', 'template1']);

/** Row counts of a filled benchmark database. */
export interface HistoryDataCounts {
  customers: number;
  units: number;
  generatedOrders: number;
  allOrders: number;
}

/** Returns the database name of `url`, rejecting the shared databases of the machine. */
export function benchDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name || PROTECTED_DATABASES.has(name)) {
    throw new Error(
      `Database "${name}" is not a benchmark database: use a dedicated one such as osp_bench_history`,
    );
  }
  return name;
}

/** Returns the URL of `url`'s server and database, connecting as the reader role. */
export function readerUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = READER_ROLE;
  parsed.password = '';
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  return withClient(withDatabase(url, 'postgres'), async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  });
}

async function countRows(url: string): Promise<HistoryDataCounts> {
  return withClient(url, async (client) => {
    const result = await client.query<Record<keyof HistoryDataCounts, string>>(
      `select (select count(*) from customer) as "customers",
         (select count(*) from equipment) as "units",
         (select count(*) from repair_order where number like $1) as "generatedOrders",
         (select count(*) from repair_order) as "allOrders"`,
      [`${ORDER_NUMBER_PREFIX}%`],
    );
    const row = result.rows[0];
    return {
      customers: Number(row.customers),
      units: Number(row.units),
      generatedOrders: Number(row.generatedOrders),
      allOrders: Number(row.allOrders),
    };
  });
}

/** Applies the project's migrations and imports the real excavator history (idempotent). */
async function migrateAndImport(url: string): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
  });
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('warn'),
  });
  try {
    const report = await runtime.runAsSystem((scope) => importExcavatorHistory(scope));
    if (report.imported > 0) console.log(`imported ${report.imported} excavator work orders`);
  } finally {
    await runtime.close();
  }
}

async function generate(url: string): Promise<void> {
  await withClient(url, async (client) => {
    // One transaction, so an interrupted run leaves only the migrated schema and the import.
    await client.query('begin');
    for (const statement of masterDataStatements()) await client.query(statement);
    console.log(
      `generated ${HISTORY_VOLUME.customers} customers, their sites and ${HISTORY_VOLUME.units} units`,
    );
    for (let from = 1; from <= HISTORY_VOLUME.repairOrders; from += HISTORY_VOLUME.orderChunk) {
      const to = Math.min(from + HISTORY_VOLUME.orderChunk - 1, HISTORY_VOLUME.repairOrders);
      await client.query(repairOrderChunkStatement(from, to));
      console.log(`generated repair orders up to ${to}`);
    }
    await client.query('commit');
    await client.query('vacuum analyze');
  });
}

/** Creates the reader role if it is missing and grants it SELECT on the history tables only. */
async function grantReader(url: string, name: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(
      `do $$ begin
         if not exists (select from pg_roles where rolname = '${READER_ROLE}') then
           create role ${READER_ROLE} login;
         end if;
       end $$`,
    );
    await client.query(`alter role ${READER_ROLE} set default_transaction_read_only = on`);
    await client.query(`grant connect on database "${name}" to ${READER_ROLE}`);
    await client.query(`grant usage on schema public to ${READER_ROLE}`);
    await client.query(`grant select on ${READABLE_TABLES.join(', ')} to ${READER_ROLE}`);
  });
}

/**
 * Makes sure the benchmark database exists, is migrated, and contains the excavator history and the
 * generated volume. A complete database is left as it is unless `rebuild` is set. A partial one
 * (from an interrupted run or an older volume) is dropped and built again.
 */
export async function ensureHistoryData(
  url: string,
  options: { rebuild?: boolean } = {},
): Promise<HistoryDataCounts> {
  const name = benchDatabaseName(url);
  let exists = await databaseExists(url, name);
  if (exists && options.rebuild) {
    console.log(`dropping ${name} to rebuild it`);
    await dropDatabase(url, name);
    exists = false;
  }
  if (!exists) await createDatabase(url, name);

  await migrateAndImport(url);
  let counts = await countRows(url);
  const complete =
    counts.generatedOrders === HISTORY_VOLUME.repairOrders &&
    counts.units >= HISTORY_VOLUME.units &&
    counts.customers >= HISTORY_VOLUME.customers;
  if (!complete) {
    if (counts.customers > 1 || counts.generatedOrders > 0) {
      console.log(`${name} contains a partial data set: dropping it to build it again`);
      await dropDatabase(url, name);
      await createDatabase(url, name);
      await migrateAndImport(url);
    }
    const started = performance.now();
    await generate(url);
    console.log(`generated the data set in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    counts = await countRows(url);
  }
  await grantReader(url, name);
  return counts;
}
