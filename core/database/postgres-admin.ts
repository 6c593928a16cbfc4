import pg from 'pg';

/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onMaintenanceDatabase<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Creates an empty database named `name` on the server of `url`. */
export async function createDatabase(url: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name))
    throw new Error(`Database name "${name}" is invalid: use lowercase letters, digits and _`);
  await onMaintenanceDatabase(url, (client) => client.query(`create database "${name}"`));
}

/** Drops the database named `name`, closing its open connections first. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  if (!SAFE_NAME.test(name))
    throw new Error(`Database name "${name}" is invalid: use lowercase letters, digits and _`);
  await onMaintenanceDatabase(url, (client) =>
    client.query(`drop database if exists "${name}" with (force)`),
  );
}

/** Returns whether a PostgreSQL server responds at `url`. */
export async function isPostgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
