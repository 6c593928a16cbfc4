import type {
  EntityManager,
  EventSubscriber,
  FlushEventArgs,
  TransactionEventArgs,
} from '@mikro-orm/core';

type CommitCallback = () => void;

/** Callbacks waiting for their entity to be flushed. */
const awaitingFlush = new WeakMap<object, CommitCallback[]>();
/** Callbacks whose entity was flushed inside a transaction of this EntityManager. */
const awaitingCommit = new WeakMap<EntityManager, CommitCallback[]>();

/**
 * Runs `callback` once `entity`, which must be persisted, has been written and committed: right
 * after the flush that writes it when that flush runs in its own transaction, otherwise after the
 * enclosing transaction commits. A rollback discards the callback, and so does clearing the
 * EntityManager before the flush. Use it to publish pub/sub messages only for stored changes.
 *
 * Callbacks run in registration order and must not throw, because the change is already
 * committed and no caller would see the error.
 * NOTE: a transaction nested in another one (a savepoint) reports no commit, so callbacks of
 * entities flushed inside it are dropped.
 */
export function afterCommit(entity: object, callback: CommitCallback): void {
  const callbacks = awaitingFlush.get(entity);
  if (callbacks) callbacks.push(callback);
  else awaitingFlush.set(entity, [callback]);
}

function runAll(callbacks: CommitCallback[]): void {
  for (const callback of callbacks) callback();
}

/** Runs the callbacks that {@link afterCommit} registered, when the ORM reports a commit. */
export class CommitHooksSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const flushed: CommitCallback[] = [];
    for (const changeSet of uow.getChangeSets()) {
      const callbacks = awaitingFlush.get(changeSet.entity);
      if (!callbacks) continue;
      awaitingFlush.delete(changeSet.entity);
      flushed.push(...callbacks);
    }
    if (flushed.length === 0) return;
    // Inside a transaction the flushed rows are not visible to others until the commit.
    if (!em.isInTransaction()) {
      runAll(flushed);
      return;
    }
    awaitingCommit.set(em, [...(awaitingCommit.get(em) ?? []), ...flushed]);
  }

  // The ORM reports commits and rollbacks of outermost transactions only, never of savepoints.
  async afterTransactionCommit({ em }: TransactionEventArgs): Promise<void> {
    const callbacks = awaitingCommit.get(em);
    if (!callbacks) return;
    awaitingCommit.delete(em);
    runAll(callbacks);
  }

  async afterTransactionRollback({ em }: TransactionEventArgs): Promise<void> {
    awaitingCommit.delete(em);
  }
}
