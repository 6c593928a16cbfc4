import Big from 'big.js';
import {
  fromGlobalId,
  invalidInputs,
  normalizeDecimal,
  requireRecord,
  Staff,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import type {
  CancelRepairOrderInput,
  DispatchRepairOrderInput,
  RecordArrivalInput,
  RecordDiagnosisInput,
  RecordLabourInput,
} from '../api/repair-dispatch.input.js';
import { RepairAssignment } from '../entities/repair-assignment.entity.js';
import { RepairLabourEntry } from '../entities/repair-labour-entry.entity.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';
import { repairErrors } from '../errors.js';
import { beginRepairAction, CLOCK_SKEW_MS, finishRepairAction } from './repair-action.js';

/**
 * Loads the staff members that `ids` name and checks that each is an active technician. Every
 * unsuitable one is reported in a single BAD_USER_INPUT, and an unknown ID is NOT_FOUND.
 */
async function requireTechnicians(
  scope: RequestScope,
  ids: string[],
  field: string,
): Promise<Staff[]> {
  const unique = [...new Map(ids.map((id) => [fromGlobalId(id, field, 'Staff').id, id])).values()];
  const technicians = await Promise.all(
    unique.map((id, index) => requireRecord(scope, Staff, id, `${field}[${index}]`)),
  );
  const problems = technicians.flatMap((staff, index) => {
    const path = `${field}[${index}]`;
    if (!staff.roles.includes(StaffRole.TECHNICIAN))
      return [
        { field: path, message: `${staff.name} (${staff.employeeNumber}) is not a technician` },
      ];
    if (!staff.active)
      return [{ field: path, message: `${staff.name} (${staff.employeeNumber}) is not active` }];
    return [];
  });
  if (problems.length > 0) throw invalidInputs(problems);
  return technicians;
}

/** Assigns one or more active technicians and moves the order from REPORTED to DISPATCHED. */
export async function dispatchRepairOrder(
  scope: RequestScope,
  input: DispatchRepairOrderInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'dispatch');
  const technicians = await requireTechnicians(scope, input.technicianIds, 'input.technicianIds');
  const now = new Date();
  for (const technician of technicians) {
    scope.em.create(RepairAssignment, { order: pending.order, technician, assignedAt: now });
  }
  pending.order.dispatchedAt = now;
  return finishRepairAction(scope, pending);
}

/** Records when a technician arrived on site and moves the order to ON_SITE. */
export async function recordArrival(
  scope: RequestScope,
  input: RecordArrivalInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'recordArrival');
  const arrivedAt = input.arrivedAt ?? new Date();
  if (arrivedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    throw repairErrors.inFuture('input.arrivedAt', arrivedAt);
  const dispatchedAt = pending.order.dispatchedAt;
  if (dispatchedAt && arrivedAt.getTime() < dispatchedAt.getTime() - CLOCK_SKEW_MS)
    throw repairErrors.beforeStep('input.arrivedAt', arrivedAt, 'dispatch', dispatchedAt);
  pending.order.arrivedAt = arrivedAt;
  return finishRepairAction(scope, pending);
}

/** Records the diagnosis and moves the order from ON_SITE to DIAGNOSED. */
export async function recordDiagnosis(
  scope: RequestScope,
  input: RecordDiagnosisInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'recordDiagnosis');
  const order = pending.order;
  order.diagnosisPhenomenon = input.phenomenon;
  order.diagnosisCause = input.cause;
  order.diagnosisComponent = input.component;
  order.diagnosisMethod = input.method;
  order.diagnosedAt = new Date();
  return finishRepairAction(scope, pending);
}

/** Records hours a technician worked on the order; the state stays as it is. */
export async function recordLabour(
  scope: RequestScope,
  input: RecordLabourInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'recordLabour');
  const [technician] = await requireTechnicians(scope, [input.technicianId], 'input.technicianId');
  const hours = new Big(input.hours);
  if (hours.lte(0) || hours.gt(24)) throw repairErrors.labourHoursOutOfRange(input.hours);
  const today = new Date(Date.now() + CLOCK_SKEW_MS).toISOString().slice(0, 10);
  const reportedOn = pending.order.reportedAt.toISOString().slice(0, 10);
  if (input.workedOn > today || input.workedOn < reportedOn)
    throw repairErrors.workedOnOutOfRange(input.workedOn, reportedOn, today);
  scope.em.create(RepairLabourEntry, {
    order: pending.order,
    technician,
    hours: normalizeDecimal(input.hours, 2),
    workedOn: input.workedOn,
    recordedAt: new Date(),
    recordedBy: scope.principal.name,
  });
  return finishRepairAction(scope, pending);
}

/** Cancels an order that has not reached IN_REPAIR, keeping the reason. */
export async function cancelRepairOrder(
  scope: RequestScope,
  input: CancelRepairOrderInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'cancel');
  pending.order.cancellationReason = input.reason;
  pending.order.cancelledAt = new Date();
  return finishRepairAction(scope, pending, input.reason);
}
