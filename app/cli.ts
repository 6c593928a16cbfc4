import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { createRuntime } from '../core/runtime.js';
import { buildServiceSchema, printServiceSchema } from '../core/schema.js';
import { importExcavatorHistory } from '../plugins/repair/index.js';
import { createMigration } from './create-migration.js';
import { AVAILABLE_PLUGINS } from './plugins.js';

const USAGE = `Usage: tsx app/cli.ts <command>

Commands:
  print-schema        write the composed schema of all plugins to schema/schema.graphql
  import-excavators   import the real excavator work orders into DATABASE_URL (idempotent)
  create-migration <core|plugin id> <name>
                      write a PostgreSQL migration for the module's entity changes; needs a
                      PostgreSQL server in DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres)`;

async function printSchemaCommand(): Promise<void> {
  const schema = await buildServiceSchema(AVAILABLE_PLUGINS);
  mkdirSync('schema', { recursive: true });
  writeFileSync('schema/schema.graphql', printServiceSchema(schema));
  console.log('wrote schema/schema.graphql');
}

async function importExcavatorsCommand(): Promise<void> {
  // The import must not mix with demo data: it only adds the excavator customer and its history.
  const config = { ...loadConfig(), demoData: false };
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('warn'),
  });
  try {
    const report = await runtime.runAsSystem((scope) => importExcavatorHistory(scope));
    console.log(
      `${report.imported} rows imported, ${report.alreadyPresent} already present, ${report.rejected.length} rejected`,
    );
    for (const row of report.rejected) console.log(`  rejected ${row.reason}`);
  } finally {
    await runtime.close();
  }
}

async function createMigrationCommand(): Promise<void> {
  const [target, name] = process.argv.slice(3);
  const url = process.env.DATABASE_URL;
  if (!target || !name || !url?.startsWith('postgres')) {
    console.error(USAGE);
    process.exit(2);
  }
  await createMigration(target, name, url);
}

const commands: Record<string, () => Promise<void>> = {
  'print-schema': printSchemaCommand,
  'import-excavators': importExcavatorsCommand,
  'create-migration': createMigrationCommand,
};

const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
command().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
