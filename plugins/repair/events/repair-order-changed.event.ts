import type { RequestScope } from '../../../core/index.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';
import type { RepairOrderStatus } from '../entities/repair-order.enums.js';

/** What happened to a repair order in one committed change. */
export interface RepairOrderChange {
  /** The mutation or step, such as "dispatch" or "approvePlan". */
  kind: string;
  from: RepairOrderStatus | null;
  to: RepairOrderStatus;
}

/**
 * Records that `order` changed. Call it inside the transaction that makes the change, before the
 * flush, so the event is stored with the change and published only after it commits.
 * NOTE: live delivery is not built yet; the call records nothing so far.
 */
export function recordRepairOrderChanged(
  _scope: RequestScope,
  _order: RepairOrder,
  _change: RepairOrderChange,
): void {}
