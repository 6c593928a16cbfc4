import {
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityClass,
  type FilterQuery,
} from '@mikro-orm/core';
import { badUserInput, conflict, notFound } from '../api/errors.js';
import { entityById } from '../api/entity-loader.js';
import { fromGlobalId, toGlobalId } from '../api/global-id.js';
import type { RequestScope } from '../request-scope.js';
import { isCustomerBound } from '../security/principal.js';

/**
 * Loads the record a global ID names, or throws: BAD_USER_INPUT for a malformed ID or an ID of
 * another type, NOT_FOUND when no such record exists. `field` is the argument path to report.
 * `populate` names many-to-one properties to load in the same statement with joins. Customer-bound
 * principals read them through the batched loaders instead, so the tenant filter applies to each.
 */
export async function requireRecord<T extends { id: string }>(
  scope: RequestScope,
  entity: EntityClass<T>,
  globalId: string,
  field: string,
  options: { populate?: string[] } = {},
): Promise<T> {
  const { id } = fromGlobalId(globalId, field, entity.name);
  const record =
    options.populate?.length && !isCustomerBound(scope.principal)
      ? await scope.em.findOne(entity, { id } as FilterQuery<T>, {
          populate: options.populate as never,
          strategy: 'joined',
        })
      : await scope.loader(entityById(entity)).load(id);
  if (!record) throw notFound(entity.name, field, globalId);
  return record;
}

/** A unique column and the input field that sets it, for turning a violation into BAD_USER_INPUT. */
export interface UniqueField {
  /** Column name as it appears in the database's constraint message, such as `serial_number`. */
  column: string;
  field: string;
  message: string;
}

/**
 * Flushes the unit of work. A unique-constraint violation, including one caused by a concurrent
 * request between our check and the insert, becomes BAD_USER_INPUT naming the field.
 */
export async function flushChecked(
  scope: RequestScope,
  uniqueFields: UniqueField[],
): Promise<void> {
  try {
    await scope.em.flush();
  } catch (error) {
    // Another request updated the record between our version check and our write.
    if (error instanceof OptimisticLockError && error.getEntity()) {
      const stale = error.getEntity() as { id: string; version: number };
      const type = stale.constructor.name;
      scope.em.clear();
      const current = await scope.em.fork().findOne(type, { id: stale.id }, { filters: false });
      const currentVersion = (current as { version?: number } | null)?.version ?? stale.version + 1;
      throw staleVersion(type, toGlobalId(type, stale.id), stale.version, currentVersion);
    }
    if (error instanceof UniqueConstraintViolationException) {
      const text = String(error.message);
      const match = uniqueFields.find((unique) => text.includes(unique.column)) ?? uniqueFields[0];
      scope.em.clear();
      if (match) throw badUserInput(match.field, match.message);
    }
    throw error;
  }
}

/**
 * Loads the record a global ID names for an update and checks the version the client read.
 * A different version is CONFLICT naming the current one, so the client can reload and retry.
 */
export async function requireRecordAtVersion<T extends { id: string; version: number }>(
  scope: RequestScope,
  entity: EntityClass<T>,
  input: { id: string; version: number },
): Promise<T> {
  const record = await requireRecord(scope, entity, input.id, 'input.id');
  if (record.version !== input.version)
    throw staleVersion(entity.name, input.id, input.version, record.version);
  return record;
}

/** Builds the CONFLICT for a version the client sent that is no longer the current one. */
export function staleVersion(type: string, id: string, sent: number, current: number) {
  return conflict(
    `${type} ${id} has changed since you read it: you sent version ${sent}, the current version is ${current}; reload it and apply your change again`,
    { field: 'input.version', currentVersion: current },
  );
}

/** Copies the fields the client sent (skipping undefined) onto a record. */
export function applyChanges<T extends object>(record: T, changes: Partial<T>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (record as Record<string, unknown>)[key] = value;
  }
}
