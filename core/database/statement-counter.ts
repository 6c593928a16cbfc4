import { AsyncLocalStorage } from 'node:async_hooks';

/** SQL statements issued while one GraphQL operation or job ran. */
export class StatementCounter {
  count = 0;
  readonly statements: string[] = [];

  constructor(private readonly keepStatements = false) {}

  record(sql: string): void {
    this.count += 1;
    if (this.keepStatements) this.statements.push(sql);
  }
}

// The ORM logger has no reference to the request, so the counter travels with the async context.
// DataLoader batches run in the context of the first `load` call, which belongs to the request.
const storage = new AsyncLocalStorage<StatementCounter>();

/** Runs `work` so that every SQL statement it issues is counted by `counter`. */
export function countStatements<T>(counter: StatementCounter, work: () => T): T {
  return storage.run(counter, work);
}

let statementsInProcess = 0;

/** Counts one statement against the operation running in the current async context, if any. */
export function recordStatement(sql: string): void {
  statementsInProcess += 1;
  storage.getStore()?.record(sql);
}

/**
 * Returns the number of SQL statements this process has issued so far, in any context. Tests read
 * it before and after a request to prove the request issued none.
 */
export function totalStatements(): number {
  return statementsInProcess;
}
