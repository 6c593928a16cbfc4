import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  FlushMode,
  MikroORM,
  type EntityClass,
  type MigrationObject,
  type Options,
} from '@mikro-orm/core';
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { DatabaseConfig } from '../config.js';
import { AuditSubscriber } from '../audit/audit.subscriber.js';
import { CommitHooksSubscriber } from '../events/commit-hooks.js';
import { OrmLogger } from './orm-logger.js';

export interface OrmSetup {
  database: DatabaseConfig;
  entities: EntityClass<object>[];
  migrations: MigrationObject[];
  logger: Logger;
  /** Log every SQL statement at debug level. */
  logQueries?: boolean;
  /** Runs after entity discovery and before schema changes; throwing stops the start. */
  verify?: (orm: MikroORM) => void;
}

/** Builds the MikroORM options for SQLite (libsql) or PostgreSQL. */
export function ormOptions(setup: OrmSetup): Options {
  const common = {
    entities: setup.entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber(), new CommitHooksSubscriber()],
    // Every request forks its own EntityManager; the global one must never be used directly.
    allowGlobalContext: false,
    // Changes reach the database only on an explicit flush, so a lookup that fails validation
    // halfway through a mutation cannot write the half-built record.
    flushMode: FlushMode.COMMIT,
    debug: setup.logQueries ? (['query'] as const) : false,
    loggerFactory: (options: ConstructorParameters<typeof OrmLogger>[0]) =>
      new OrmLogger(options, setup.logger),
    forceUtcTimezone: true,
    migrations: {
      migrationsList: setup.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    discovery: { warnWhenNoEntities: false },
  };
  if (setup.database.kind === 'sqlite') {
    return { ...common, driver: LibSqlDriver, dbName: setup.database.file } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: setup.database.url,
    pool: { min: 0, max: 10 },
  } as Options;
}

/**
 * Opens the database and brings its schema up to date: PostgreSQL runs the pending migrations;
 * SQLite, the embedded default, gets the tables created from the entities, and later the tables of
 * newly enabled plugins.
 */
export async function openDatabase(setup: OrmSetup): Promise<MikroORM> {
  if (setup.database.kind === 'sqlite' && setup.database.file !== ':memory:') {
    mkdirSync(dirname(setup.database.file), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(setup));
  try {
    // Checks of the discovered entities run before any table is created or migrated.
    setup.verify?.(orm);
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  if (setup.database.kind === 'sqlite') {
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
    await createMissingSqliteTables(orm, setup.logger);
  } else {
    const applied = await orm.getMigrator().up();
    if (applied.length > 0) {
      setup.logger.info(
        { migrations: applied.map((migration) => migration.name) },
        'applied migrations',
      );
    }
  }
  return orm;
}

/**
 * Creates the tables that do not exist yet. Existing tables are left alone: MikroORM's SQLite diff
 * rebuilds whole tables for changes it cannot express as ALTER, which is too risky for user data.
 * NOTE: a column added to an existing entity is not added to an existing SQLite file. Start from a
 * new file (the demo data is reloaded) or use PostgreSQL, which has migrations.
 */
async function createMissingSqliteTables(orm: MikroORM, logger: Logger): Promise<void> {
  const connection = orm.em.getConnection();
  const rows = (await connection.execute(
    "select name from sqlite_master where type = 'table'",
  )) as { name: string }[];
  const existing = new Set(rows.map((row) => row.name));
  const missing = Object.values(orm.getMetadata().getAll())
    .filter(
      (meta) =>
        !meta.abstract && !meta.embeddable && meta.tableName && !existing.has(meta.tableName),
    )
    .map((meta) => meta.tableName);
  if (missing.length === 0) return;
  if (existing.size === 0) {
    await orm.schema.createSchema();
  } else {
    const statements = (await orm.schema.getCreateSchemaSQL({ wrap: false }))
      .split(/;\n/)
      .map((statement) => statement.trim())
      .filter((statement) => {
        const table =
          /^create table `([^`]+)`/i.exec(statement)?.[1] ??
          /^create (?:unique )?index `[^`]+` on `([^`]+)`/i.exec(statement)?.[1];
        return table !== undefined && missing.includes(table);
      });
    for (const statement of statements) await connection.execute(statement);
  }
  logger.info({ tables: missing }, 'created tables');
}
