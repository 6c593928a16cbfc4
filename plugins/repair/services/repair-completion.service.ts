import Big from 'big.js';
import type { RequestScope } from '../../../core/index.js';
import type {
  AcceptRepairInput,
  CloseRepairOrderInput,
  CompleteRepairInput,
  ObjectToRepairInput,
  StartRepairInput,
} from '../api/repair-completion.input.js';
import { RepairAssignment } from '../entities/repair-assignment.entity.js';
import { RepairLabourEntry } from '../entities/repair-labour-entry.entity.js';
import { RepairPlanStatus } from '../entities/repair-order.enums.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPlan } from '../entities/repair-plan.entity.js';
import { repairErrors } from '../errors.js';
import { runRepairCloseChecks } from './repair-close-checks.js';
import { beginRepairAction, CLOCK_SKEW_MS, finishRepairAction } from './repair-action.js';

/** Starts the repair under the approved plan. */
export async function startRepair(
  scope: RequestScope,
  input: StartRepairInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'startRepair');
  return finishRepairAction(scope, pending);
}

/** Records the commissioning results and hands the order to the customer for acceptance. */
export async function completeRepair(
  scope: RequestScope,
  input: CompleteRepairInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'completeRepair');
  const labourEntries = await scope.em.count(RepairLabourEntry, { order: pending.order.id });
  if (labourEntries === 0) throw repairErrors.noLabourRecorded(pending.order.number);
  pending.order.commissioningResults = input.commissioningResults;
  pending.order.completedAt = new Date();
  return finishRepairAction(scope, pending);
}

/** Records the customer's sign-off and moves the order to ACCEPTED. */
export async function acceptRepair(
  scope: RequestScope,
  input: AcceptRepairInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'accept');
  if (input.signedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw repairErrors.inFuture('input.signedAt', input.signedAt);
  const completedAt = pending.order.completedAt;
  if (completedAt && input.signedAt.getTime() < completedAt.getTime() - CLOCK_SKEW_MS)
    throw repairErrors.beforeStep('input.signedAt', input.signedAt, 'completion', completedAt);
  pending.order.acceptanceSignerName = input.signerName;
  pending.order.acceptanceSignedAt = input.signedAt;
  return finishRepairAction(scope, pending);
}

/** Records the customer's objection and sends the order back to IN_REPAIR for rework. */
export async function objectToRepair(
  scope: RequestScope,
  input: ObjectToRepairInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'object');
  return finishRepairAction(scope, pending, input.reason);
}

/**
 * Lists every item a closed order's record needs and lacks: phenomenon, diagnosis, approved plan
 * with its parts list, labour time and technicians, and whatever the checks added by other plugins
 * find missing. An approved plan whose parts list is empty counts as an explicit "no parts".
 */
export async function missingCloseItems(
  scope: RequestScope,
  order: RepairOrder,
): Promise<{ field: string; item: string; message: string }[]> {
  const [plan, labour, technicians] = await Promise.all([
    scope.em.findOne(RepairPlan, { order: order.id, status: RepairPlanStatus.APPROVED }),
    scope.em.find(RepairLabourEntry, { order: order.id }),
    scope.em.count(RepairAssignment, { order: order.id }),
  ]);
  const labourHours = labour.reduce((sum, entry) => sum.plus(entry.hours), new Big(0));
  const missing: { item: string; message: string }[] = [];
  if (!order.diagnosisPhenomenon)
    missing.push({ item: 'phenomenon', message: 'the fault phenomenon is missing' });
  if (!order.diagnosisCause || !order.diagnosisComponent || !order.diagnosisMethod)
    missing.push({
      item: 'diagnosis',
      message: 'the diagnosis (cause, component and method) is missing',
    });
  if (!plan) missing.push({ item: 'approvedPlan', message: 'no approved repair plan' });
  if (!Array.isArray(plan?.parts))
    missing.push({
      item: 'partsList',
      message: 'the parts list is missing: an approved plan lists the parts, or [] for none',
    });
  if (labourHours.lte(0)) missing.push({ item: 'labour', message: 'no labour time recorded' });
  if (technicians === 0) missing.push({ item: 'technicians', message: 'no technicians assigned' });
  missing.push(...(await runRepairCloseChecks(scope, order)));
  return missing.map((entry) => ({ field: 'input.id', ...entry }));
}

/** Closes an accepted order once its record is complete. */
export async function closeRepairOrder(
  scope: RequestScope,
  input: CloseRepairOrderInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'close');
  const missing = await missingCloseItems(scope, pending.order);
  if (missing.length > 0) throw repairErrors.recordIncomplete(pending.order.number, missing);
  pending.order.closedAt = new Date();
  return finishRepairAction(scope, pending);
}
