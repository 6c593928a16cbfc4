import { afterEach, describe, expect, it } from 'vitest';
import { AVAILABLE_PLUGINS } from '../../app/plugins.js';
import type { AppConfig } from '../../core/config.js';
import { Customer } from '../../core/index.js';
import { createLogger } from '../../core/logger.js';
import { createRuntime, type ServiceRuntime } from '../../core/runtime.js';
import {
  createTestDatabase,
  databaseAvailable,
  databaseKind,
  type TestDatabase,
} from '../support/test-database.js';

function configFor(
  database: TestDatabase,
  plugins: AppConfig['plugins'],
  demoData = false,
): AppConfig {
  return {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database: database.config,
    logLevel: 'error',
    demoData,
    plugins,
    jwt: {},
  };
}

async function tableNames(runtime: ServiceRuntime): Promise<string[]> {
  const sql =
    databaseKind === 'sqlite'
      ? "select name from sqlite_master where type = 'table'"
      : "select table_name as name from information_schema.tables where table_schema = 'public'";
  const rows = (await runtime.runAsSystem((scope) => scope.em.getConnection().execute(sql))) as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}

describe.skipIf(!databaseAvailable)('database schema', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('adds the tables of a plugin enabled later and keeps the data', async () => {
    database = await createTestDatabase();
    const coreOnly = await createRuntime({
      config: configFor(database, []),
      plugins: AVAILABLE_PLUGINS,
      logger: createLogger('error'),
    });
    expect(await tableNames(coreOnly)).not.toContain('repair_order');
    await coreOnly.runAsSystem(async (scope) => {
      scope.em.create(Customer, { code: 'KEEP-ME', name: 'Kept', kind: 'OPERATOR' as never });
      await scope.em.flush();
    });
    await coreOnly.close();

    const withRepair = await createRuntime({
      config: configFor(database, 'all'),
      plugins: AVAILABLE_PLUGINS,
      logger: createLogger('error'),
    });
    try {
      expect(await tableNames(withRepair)).toContain('repair_order');
      const kept = await withRepair.runAsSystem((scope) =>
        scope.em.count(Customer, { code: 'KEEP-ME' }),
      );
      expect(kept).toBe(1);
    } finally {
      await withRepair.close();
    }
  });

  it('restarts on a database with demo data without loading it twice', async () => {
    database = await createTestDatabase();
    const first = await createRuntime({
      config: configFor(database, 'all', true),
      plugins: AVAILABLE_PLUGINS,
      logger: createLogger('error'),
    });
    const customers = await first.runAsSystem((scope) => scope.em.count(Customer));
    await first.close();
    const second = await createRuntime({
      config: configFor(database, 'all', true),
      plugins: AVAILABLE_PLUGINS,
      logger: createLogger('error'),
    });
    try {
      expect(customers).toBeGreaterThan(0);
      expect(await second.runAsSystem((scope) => scope.em.count(Customer))).toBe(customers);
    } finally {
      await second.close();
    }
  });

  it.runIf(databaseKind === 'postgres')('has migrations that match the entities', async () => {
    database = await createTestDatabase();
    const runtime = await createRuntime({
      config: configFor(database, 'all'),
      plugins: AVAILABLE_PLUGINS,
      logger: createLogger('error'),
    });
    try {
      // On failure, run `npm run migration:create -- <module> <name>` against PostgreSQL.
      expect(await runtime.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await runtime.close();
    }
  });
});
