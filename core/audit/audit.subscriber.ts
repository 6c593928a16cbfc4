import {
  ChangeSetType,
  type ChangeSet,
  type EventSubscriber,
  type FlushEventArgs,
  type Platform,
} from '@mikro-orm/core';
import { toGlobalId } from '../api/global-id.js';
import { AuditAction, AuditEntry, type AuditFieldChange } from './audit-entry.entity.js';

/** Bookkeeping columns that change on every write and would only add noise to the trail. */
const SKIPPED_FIELDS = new Set(['updatedAt', 'version']);
/** Fields whose values are secrets: the trail records that they changed, not their values. */
const SECRET_FIELDS = new Set(['keyHash']);

const ACTIONS: Partial<Record<ChangeSetType, AuditAction>> = {
  [ChangeSetType.CREATE]: AuditAction.CREATE,
  [ChangeSetType.UPDATE]: AuditAction.UPDATE,
  [ChangeSetType.DELETE]: AuditAction.DELETE,
};

/** Entities left out of the audit trail: bookkeeping and append-only logs that record themselves. */
const UNAUDITED_ENTITIES = new Set(['IdempotencyRecord']);

/** Leaves an entity out of the audit trail, such as an append-only event log. */
export function excludeFromAudit(entity: { name: string }): void {
  UNAUDITED_ENTITIES.add(entity.name);
}

/**
 * Adds an audit entry for every created, updated or deleted record to the flush that changes it,
 * so the entry commits or rolls back with the change. The principal comes from the logger context
 * that the request scope sets on its EntityManager.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const context = em.getLoggerContext<{
      principal?: string;
      principalName?: string;
      requestId?: string;
    }>();
    const entries: AuditEntry[] = [];
    for (const changeSet of uow.getChangeSets()) {
      const action = ACTIONS[changeSet.type];
      if (
        !action ||
        changeSet.entity instanceof AuditEntry ||
        UNAUDITED_ENTITIES.has(changeSet.meta.className)
      )
        continue;
      const entry = new AuditEntry();
      entry.principalId = context.principal ?? 'system';
      entry.principalName = context.principalName ?? 'system';
      entry.requestId = context.requestId ?? null;
      entry.entityName = changeSet.meta.className;
      entry.entityId = toGlobalId(changeSet.meta.className, String(changeSet.getPrimaryKey()));
      entry.action = action;
      entry.changes = fieldChanges(
        changeSet as unknown as ChangeSet<Record<string, unknown>>,
        em.getPlatform(),
      );
      if (action === AuditAction.UPDATE && entry.changes.length === 0) continue;
      entries.push(entry);
    }
    for (const entry of entries) {
      em.persist(entry);
      uow.computeChangeSet(entry);
    }
  }
}

function fieldChanges(
  changeSet: ChangeSet<Record<string, unknown>>,
  platform: Platform,
): AuditFieldChange[] {
  const entity = changeSet.entity as Record<string, unknown>;
  const original = (changeSet.originalEntity ?? {}) as Record<string, unknown>;
  const fields =
    changeSet.type === ChangeSetType.UPDATE
      ? Object.keys(changeSet.payload)
      : Object.keys(changeSet.meta.properties);
  return fields
    .filter((field) => !SKIPPED_FIELDS.has(field) && changeSet.meta.properties[field] !== undefined)
    .filter(
      (field) =>
        changeSet.meta.properties[field].kind === 'scalar' ||
        changeSet.meta.properties[field].kind === 'm:1',
    )
    .map((field) => {
      const before =
        changeSet.type === ChangeSetType.CREATE
          ? null
          : toJson(fromSnapshot(changeSet, field, original[field], platform));
      const after = changeSet.type === ChangeSetType.DELETE ? null : toJson(entity[field]);
      if (SECRET_FIELDS.has(field)) {
        return {
          field,
          oldValue: before === null ? null : '"(secret)"',
          newValue: after === null ? null : '"(secret)"',
        };
      }
      return { field, oldValue: before, newValue: after };
    })
    .filter(
      (change) => changeSet.type !== ChangeSetType.UPDATE || change.oldValue !== change.newValue,
    );
}

/**
 * Converts a snapshot value to its JavaScript form. The ORM keeps loaded values in their database
 * form, such as JSON text or SQLite decimals in cents.
 */
function fromSnapshot(
  changeSet: ChangeSet<Record<string, unknown>>,
  field: string,
  value: unknown,
  platform: Platform,
): unknown {
  const type = changeSet.meta.properties[field].customType;
  if (value === null || value === undefined || !type) return value;
  return type.convertToJSValue(value, platform);
}

/** Serialises a value as JSON; a reference becomes its key, a date its ISO string. */
function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object' && 'id' in value)
    return JSON.stringify((value as { id: unknown }).id);
  return JSON.stringify(value);
}
