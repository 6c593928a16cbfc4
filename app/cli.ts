import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../core/config.js';
import { StaffRole } from '../core/entities/enums.js';
import { createLogger } from '../core/logger.js';
import { createApiClient } from '../core/security/api-keys.js';
import { ApiScope } from '../core/security/principal.js';
import type { RequestScope } from '../core/request-scope.js';
import { createRuntime } from '../core/runtime.js';
import { buildServiceSchema, printServiceSchema } from '../core/schema.js';
import { importExcavatorHistory } from '../plugins/repair/index.js';
import { importCarpartsDemand } from '../plugins/spare-parts/import/carparts-import.js';
import { createMigration } from './create-migration.js';
import { AVAILABLE_PLUGINS } from './plugins.js';

const USAGE = `Usage: tsx app/cli.ts <command>

Commands:
  print-schema        write the composed schema of all plugins to schema/schema.graphql
  import-excavators   import the real excavator work orders into DATABASE_URL (idempotent)
  import-carparts     import the real monthly demand of 2,674 car parts into DATABASE_URL as ISSUE
                      movements (idempotent)
  create-api-key --name <name> --scopes READ,WRITE,SUBSCRIBE [--roles VIEWER,DISPATCHER] [--customer <code>]
                      create an API key in DATABASE_URL and print it once; --customer binds it to
                      one customer (a partner ERP), otherwise it acts under --roles (VIEWER by default)
  create-migration <core|plugin id> <name>
                      write a PostgreSQL migration for the module's entity changes; needs a
                      PostgreSQL server in DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)`;

async function printSchemaCommand(): Promise<void> {
  const schema = await buildServiceSchema(AVAILABLE_PLUGINS);
  mkdirSync('schema', { recursive: true });
  writeFileSync('schema/schema.graphql', printServiceSchema(schema));
  console.log('wrote schema/schema.graphql');
}

/**
 * Opens the database of `DATABASE_URL` without demo data, runs `work` as the system principal and
 * closes the database again. Commands only add what they are about.
 */
async function withSystemScope<T>(work: (scope: RequestScope) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), demoData: false };
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('warn'),
  });
  try {
    return await runtime.runAsSystem(work);
  } finally {
    await runtime.close();
  }
}

async function importExcavatorsCommand(): Promise<void> {
  const report = await withSystemScope((scope) => importExcavatorHistory(scope));
  console.log(
    `${report.imported} rows imported, ${report.alreadyPresent} already present, ${report.rejected.length} rejected`,
  );
  for (const row of report.rejected) console.log(`  rejected ${row.reason}`);
}

async function importCarpartsCommand(): Promise<void> {
  const report = await withSystemScope((scope) => importCarpartsDemand(scope));
  console.log(`parts: ${report.partsCreated} created, ${report.partsExisting} already present`);
  console.log(
    `ISSUE movements: ${report.movementsCreated} created, ${report.movementsExisting} already present`,
  );
  console.log(`opening balances: ${report.openingBalancesCreated} created`);
  console.log(
    `months skipped: ${report.zeroDemandRows} with zero demand, ${report.missingDemandRows} missing`,
  );
  console.log(`lines rejected: ${report.rejected.length}`);
  for (const line of report.rejected) console.log(`  rejected ${line.reason}`);
}

async function createMigrationCommand(): Promise<void> {
  const [target, name] = process.argv.slice(3);
  const url = process.env.DATABASE_URL;
  if (!target || !name) {
    console.error(USAGE);
    process.exit(2);
  }
  if (!url?.startsWith('postgres')) {
    console.error(
      'create-migration needs a PostgreSQL server: set DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (a scratch database is created and dropped there)',
    );
    process.exit(2);
  }
  await createMigration(target, name, url);
}

function parseList<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length > 0) {
    throw new Error(
      `${option} has unknown values ${unknown.join(', ')}: use ${allowed.join(', ')}`,
    );
  }
  return items as T[];
}

async function createApiKeyCommand(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      roles: { type: 'string' },
      customer: { type: 'string' },
    },
  });
  if (!values.name || !values.scopes) {
    console.error(USAGE);
    process.exit(2);
  }
  const scopes = parseList(values.scopes, Object.values(ApiScope), '--scopes');
  const roles = parseList(values.roles, Object.values(StaffRole), '--roles');
  const { client, key } = await withSystemScope((scope) =>
    createApiClient(scope, { name: values.name!, scopes, roles, customerCode: values.customer }),
  );
  console.log(`Created API client "${client.name}" (${client.globalId}).`);
  console.log(`Key (shown once, store it now): ${key}`);
}

const commands: Record<string, () => Promise<void>> = {
  'create-api-key': createApiKeyCommand,
  'print-schema': printSchemaCommand,
  'import-excavators': importExcavatorsCommand,
  'import-carparts': importCarpartsCommand,
  'create-migration': createMigrationCommand,
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Exit codes match `npm start`: 2 for invalid configuration, 1 for any other failure.
  process.exit(error instanceof ConfigError ? 2 : 1);
});
