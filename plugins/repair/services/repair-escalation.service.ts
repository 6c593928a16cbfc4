import {
  conflict,
  flushChecked,
  requireRecordAtVersion,
  type RequestScope,
} from '../../../core/index.js';
import { RepairEscalation, RepairEscalationStatus } from '../entities/repair-escalation.entity.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairOrderStatus as S } from '../entities/repair-order.enums.js';
import { recordRepairOrderChanged } from '../events/repair-order-changed.event.js';

/** States in which a technician may escalate: from arrival on site until the repair is done. */
export const ESCALATION_STATES: readonly S[] = [
  S.ON_SITE,
  S.DIAGNOSED,
  S.PLAN_SUBMITTED,
  S.PLAN_REJECTED,
  S.IN_REPAIR,
];

/**
 * Records a question to technical support on the order. The order keeps its state, but its
 * version rises and a change of kind `escalate` is recorded, so subscribers and clients holding
 * the old version learn of it.
 */
export async function escalateRepairOrder(
  scope: RequestScope,
  input: { id: string; version: number; question: string },
): Promise<{ repairOrder: RepairOrder; escalation: RepairEscalation }> {
  const order = await requireRecordAtVersion(scope, RepairOrder, input);
  if (!ESCALATION_STATES.includes(order.status)) {
    throw conflict(
      `escalateRepairOrder is not allowed while the repair order is ${order.status}: it is allowed only in ${ESCALATION_STATES.join(', ')}`,
      { currentStatus: order.status, allowedFrom: [...ESCALATION_STATES] },
    );
  }
  const now = new Date();
  const escalation = scope.em.create(RepairEscalation, {
    order,
    question: input.question,
    askedBy: scope.principal.name,
    askedAt: now,
  });
  order.updatedAt = now;
  recordRepairOrderChanged(scope, order, {
    kind: 'escalate',
    from: order.status,
    to: order.status,
  });
  await flushChecked(scope, []);
  return { repairOrder: order, escalation };
}

/** Records technical support's answer to an open escalation and marks it ANSWERED. */
export async function answerRepairEscalation(
  scope: RequestScope,
  input: { id: string; version: number; answer: string },
): Promise<RepairEscalation> {
  const escalation = await requireRecordAtVersion(scope, RepairEscalation, input);
  if (escalation.status !== RepairEscalationStatus.OPEN) {
    throw conflict(
      `answerRepairEscalation is not allowed while the escalation is ${escalation.status}: only OPEN escalations can be answered`,
      { currentStatus: escalation.status },
    );
  }
  escalation.status = RepairEscalationStatus.ANSWERED;
  escalation.answer = input.answer;
  escalation.answeredBy = scope.principal.name;
  escalation.answeredAt = new Date();
  await flushChecked(scope, []);
  return escalation;
}
