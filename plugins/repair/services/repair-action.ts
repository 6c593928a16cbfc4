import { flushChecked, requireRecordAtVersion, type RequestScope } from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import type { RepairOrderStatus } from '../entities/repair-order.enums.js';
import { RepairStatusChange } from '../entities/repair-status-change.entity.js';
import { recordRepairOrderChanged } from '../events/repair-order-changed.event.js';
import { checkRepairTransition, type RepairAction } from '../workflow/repair-workflow.js';

/**
 * Tolerance for times a client sends: a minute absorbs clock skew between client and server and
 * times sent with whole seconds.
 */
export const CLOCK_SKEW_MS = 60_000;

/** An order loaded for a workflow action, with the state it is in and the state it moves to. */
export interface PendingRepairAction {
  order: RepairOrder;
  action: RepairAction;
  from: RepairOrderStatus;
  to: RepairOrderStatus;
}

/**
 * Loads the order at the version the client read and checks that `action` may run on it. A stale
 * version or an illegal move is CONFLICT, and a missing order is NOT_FOUND.
 */
export async function beginRepairAction(
  scope: RequestScope,
  input: { id: string; version: number },
  action: RepairAction,
): Promise<PendingRepairAction> {
  const order = await requireRecordAtVersion(scope, RepairOrder, input);
  const to = checkRepairTransition(action, order.status);
  return { order, action, from: order.status, to };
}

/**
 * Moves the order to its new state, logs the move, records the change event and flushes
 * everything the action created in one transaction. An action that keeps the state still raises
 * the order's version, so a client holding the old version learns that the record changed.
 */
export async function finishRepairAction(
  scope: RequestScope,
  pending: PendingRepairAction,
  reason: string | null = null,
): Promise<RepairOrder> {
  const { order, action, from, to } = pending;
  const now = new Date();
  order.status = to;
  order.updatedAt = now;
  if (from !== to) {
    scope.em.create(RepairStatusChange, {
      order,
      action,
      fromStatus: from,
      toStatus: to,
      changedAt: now,
      principalId: scope.principal.id,
      principalName: scope.principal.name,
      reason,
    });
  }
  recordRepairOrderChanged(scope, order, { kind: action, from, to });
  await flushChecked(scope, []);
  return order;
}
