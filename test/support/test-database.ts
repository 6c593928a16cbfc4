import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../core/config.js';
import {
  createDatabase,
  dropDatabase,
  isPostgresReachable,
  withDatabase,
} from '../../core/database/postgres-admin.js';

/** Which database this test project runs on, set per vitest project. */
export const databaseKind: 'sqlite' | 'postgres' =
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** Server for test databases; each test file creates and drops its own database on it. */
export const postgresServerUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function checkAvailability(): Promise<boolean> {
  if (databaseKind === 'sqlite') return true;
  if (await isPostgresReachable(postgresServerUrl)) return true;
  if (process.env.TEST_REQUIRE_POSTGRES === '1') {
    throw new Error(
      `PostgreSQL is unreachable at ${postgresServerUrl} and TEST_REQUIRE_POSTGRES=1: start it or set TEST_POSTGRES_URL`,
    );
  }
  console.warn(
    `PostgreSQL is unreachable at ${postgresServerUrl}: skipping the postgres project (set TEST_REQUIRE_POSTGRES=1 to fail instead)`,
  );
  return false;
}

/** False when the postgres project runs without a reachable server; its suites are skipped. */
export const databaseAvailable = await checkAvailability();

/** A database that exists for one test file. */
export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** Creates an empty database (a SQLite file in a temporary folder, or a PostgreSQL database). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (databaseKind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'osp-test-'));
    return {
      config: { kind: 'sqlite', file: join(folder, 'test.sqlite') },
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `osp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createDatabase(postgresServerUrl, name);
  return {
    config: { kind: 'postgres', url: withDatabase(postgresServerUrl, name) },
    drop: () => dropDatabase(postgresServerUrl, name),
  };
}
