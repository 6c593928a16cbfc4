import { flushChecked, type RequestScope } from '../../../core/index.js';

/**
 * Runs `work` and flushes its changes in one transaction on the scope's EntityManager, or inside
 * the transaction that is already open (such as the one of an idempotent create). Every stock
 * change goes through here, so its balance locks are held until the commit.
 */
export async function inStockTransaction<T>(
  scope: RequestScope,
  work: () => Promise<T>,
): Promise<T> {
  const em = scope.em;
  if (em.isInTransaction()) {
    const result = await work();
    await flushChecked(scope, []);
    return result;
  }
  await em.begin();
  try {
    const result = await work();
    await flushChecked(scope, []);
    await em.commit();
    return result;
  } catch (error) {
    await em.rollback();
    em.clear();
    throw error;
  }
}
