import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { RequestScope } from '../../../core/index.js';

/** Status and version of a record as the database holds them under the row lock. */
export interface LockedState {
  status: string;
  version: number;
}

/**
 * Locks the row of a versioned record with a status for the rest of the transaction and returns
 * its current status and version: SELECT … FOR UPDATE on PostgreSQL. On SQLite the transaction
 * already holds the database's write lock. Services take this lock before the balance rows, so a
 * state change that raced past the checks made before the transaction is seen here.
 */
export async function lockRecordState(
  scope: RequestScope,
  entity: EntityClass<{ id: string }>,
  id: string,
): Promise<LockedState> {
  const em = scope.em as SqlEntityManager;
  const table = em.getMetadata().get(entity.name).tableName;
  const forUpdate = scope.isSqlite ? '' : ' for update';
  const [row] = (await em.execute(`select status, version from ${table} where id = ?${forUpdate}`, [
    id,
  ])) as { status: string; version: number | string }[];
  return { status: row.status, version: Number(row.version) };
}
