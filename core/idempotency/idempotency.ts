import { createHash } from 'node:crypto';
import type { EntityClass } from '@mikro-orm/core';
import { conflict } from '../api/errors.js';
import type { RequestScope } from '../request-scope.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';

/** Canonical JSON: object keys sorted, so the same input always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function hashInput(input: object): string {
  const { idempotencyKey: _key, ...rest } = input as { idempotencyKey?: string };
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/**
 * Runs a create mutation at most once per idempotency key and principal. The created record and
 * the key are committed in one transaction. A retry with the same key and input returns the
 * original record and creates nothing; the same key with different input is CONFLICT. Without a
 * key, `create` simply runs.
 */
export async function createOnce<T extends { id: string }>(
  scope: RequestScope,
  operation: string,
  entity: EntityClass<T>,
  input: { idempotencyKey?: string | null },
  create: () => Promise<T>,
): Promise<T> {
  const key = input.idempotencyKey;
  if (!key) return create();
  const requestHash = hashInput(input);

  const earlier = await findEarlier(scope, key);
  if (earlier) return replay(scope, earlier, operation, requestHash, entity, key);

  const em = scope.em;
  await em.begin();
  try {
    const created = await create();
    em.create(IdempotencyRecord, {
      principalId: scope.principal.id,
      key,
      operation,
      requestHash,
      resultEntity: entity.name,
      resultId: created.id,
    });
    await em.flush();
    await em.commit();
    return created;
  } catch (error) {
    await em.rollback();
    em.clear();
    // A concurrent request with the same key may have won the race, failing this one on the key
    // or on the record's own unique columns: return what a retry would return.
    const winner = await findEarlier(scope, key);
    if (winner) return replay(scope, winner, operation, requestHash, entity, key);
    throw error;
  }
}

function findEarlier(scope: RequestScope, key: string): Promise<IdempotencyRecord | null> {
  return scope.em
    .fork()
    .findOne(IdempotencyRecord, { principalId: scope.principal.id, key }, { filters: false });
}

async function replay<T extends { id: string }>(
  scope: RequestScope,
  earlier: IdempotencyRecord,
  operation: string,
  requestHash: string,
  entity: EntityClass<T>,
  key: string,
): Promise<T> {
  if (earlier.operation !== operation || earlier.requestHash !== requestHash) {
    throw conflict(
      `idempotencyKey "${key}" was already used for a different ${earlier.operation} request: send a new key for a new request`,
      { field: 'input.idempotencyKey' },
    );
  }
  scope.logger.info(
    { key, operation, recordId: earlier.resultId },
    'idempotent retry answered with the earlier result',
  );
  return scope.em.findOneOrFail(entity, { id: earlier.resultId } as never);
}
