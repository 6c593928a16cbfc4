import type { RequestScope } from '../../../core/index.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';

/** An item a repair order's record lacks before it may close. */
export interface MissingCloseItem {
  item: string;
  message: string;
}

/**
 * A check that a plugin building on repair adds to the closing check, such as the spare-parts
 * plugin's check that every fitted part has its old part's return recorded.
 */
export type RepairCloseCheck = (
  scope: RequestScope,
  order: RepairOrder,
) => Promise<MissingCloseItem[]>;

const closeChecks: RepairCloseCheck[] = [];

/**
 * Adds a check to the closing of repair orders. Checks run in the order they were added, for
 * every plugin that is loaded, so a check must skip itself when its own plugin is not enabled.
 */
export function addRepairCloseCheck(check: RepairCloseCheck): void {
  closeChecks.push(check);
}

/** Runs the added checks and returns everything they find missing. */
export async function runRepairCloseChecks(
  scope: RequestScope,
  order: RepairOrder,
): Promise<MissingCloseItem[]> {
  const found: MissingCloseItem[] = [];
  for (const check of closeChecks) found.push(...(await check(scope, order)));
  return found;
}
