import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { MikroORM, type EntityClass, type MigrationObject } from '@mikro-orm/core';
import { ormOptions } from '../core/database/orm.js';
import { createDatabase, dropDatabase, withDatabase } from '../core/database/postgres-admin.js';
import { CORE_ENTITIES } from '../core/entities/index.js';
import { createLogger } from '../core/logger.js';
import { CORE_MIGRATIONS } from '../core/migrations/index.js';
import { resolvePlugins } from '../core/plugin-registry.js';
import { AVAILABLE_PLUGINS } from './plugins.js';

/**
 * Writes a PostgreSQL migration for the core or one plugin. The existing migrations of the core
 * and of the plugins it builds on run on a scratch database, whose schema is then diffed against
 * the entities; the difference becomes a migration class in the module's migrations folder.
 */
export async function createMigration(
  target: string,
  name: string,
  serverUrl: string,
): Promise<void> {
  const ordered = resolvePlugins(AVAILABLE_PLUGINS, 'all');
  const index = target === 'core' ? -1 : ordered.findIndex((plugin) => plugin.id === target);
  if (target !== 'core' && index < 0)
    throw new Error(`Unknown module "${target}": use core or a plugin id`);
  const included = ordered.slice(0, index + 1);
  const entities: EntityClass<object>[] = [
    ...CORE_ENTITIES,
    ...included.flatMap((plugin) => plugin.entities ?? []),
  ];
  const migrations: MigrationObject[] = [
    ...CORE_MIGRATIONS,
    ...included.flatMap((plugin) => plugin.migrations ?? []),
  ];

  const scratch = `migration_scratch_${process.pid}`;
  await createDatabase(serverUrl, scratch);
  const orm = await MikroORM.init(
    ormOptions({
      database: { kind: 'postgres', url: withDatabase(serverUrl, scratch) },
      entities,
      migrations,
      logger: createLogger('warn'),
    }),
  );
  try {
    await orm.getMigrator().up();
    const up = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    if (!up.trim()) {
      console.log(`No changes for ${target}: the migrations already match the entities`);
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const className = `Migration${stamp}_${target.replace(/-/g, '_')}_${name.replace(/\W/g, '_')}`;
    const folder = target === 'core' ? 'core/migrations' : `plugins/${target}/migrations`;
    const file = `${folder}/${className}.ts`;
    ensureMigrationIndex(folder, target);
    const statements = up
      .split(/;\n/)
      .map((statement) => statement.trim().replace(/;$/, ''))
      .filter(Boolean)
      .map((statement) => `    this.addSql(${JSON.stringify(statement)});`)
      .join('\n');
    writeFileSync(
      file,
      `import { Migration } from '@mikro-orm/migrations';\n\nexport class ${className} extends Migration {\n  override async up(): Promise<void> {\n${statements}\n  }\n}\n`,
    );
    registerMigration(`${folder}/index.ts`, className);
    await formatFiles([file, `${folder}/index.ts`]);
    console.log(`wrote ${file} and registered it in ${folder}/index.ts`);
  } finally {
    await orm.close(true);
    await dropDatabase(serverUrl, scratch);
  }
}

/** Adds the migration's import and its entry at the end of the module's migration list. */
function registerMigration(indexFile: string, className: string): void {
  const source = readFileSync(indexFile, 'utf8');
  const withImport = source.replace(
    /^(import type \{ MigrationObject \} from '@mikro-orm\/core';\n(?:import .*\n)*)/m,
    `$1import { ${className} } from './${className}.js';\n`,
  );
  const entry = `  { name: '${className}', class: ${className} },\n`;
  const registered = /\[\];\s*$/.test(withImport)
    ? withImport.replace(/\[\];\s*$/, `[\n${entry}];\n`)
    : withImport.replace(/\n\];\s*$/, `\n${entry}];\n`);
  writeFileSync(indexFile, registered);
}

/** Formats generated files with the project's Prettier settings, so `npm run lint` passes. */
async function formatFiles(files: string[]): Promise<void> {
  const prettier = await import('prettier');
  for (const file of files) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(
      file,
      await prettier.format(readFileSync(file, 'utf8'), { ...options, filepath: file }),
    );
  }
}

/** Creates the migrations folder and its empty list for a module that has none yet. */
function ensureMigrationIndex(folder: string, target: string): void {
  mkdirSync(folder, { recursive: true });
  const index = `${folder}/index.ts`;
  if (existsSync(index)) return;
  const constant = `${target.replace(/-/g, '_').toUpperCase()}_MIGRATIONS`;
  writeFileSync(
    index,
    `import type { MigrationObject } from '@mikro-orm/core';\n\n/** PostgreSQL migrations of the ${target} tables, oldest first. */\nexport const ${constant}: MigrationObject[] = [];\n`,
  );
  console.log(`created ${index}; list ${constant} in the plugin's migrations`);
}
