import Big from 'big.js';
import {
  invalidInputs,
  normalizeDecimal,
  type Department,
  type RequestScope,
} from '../../../core/index.js';
import type {
  ApprovePlanChangeInput,
  ApproveRepairPlanInput,
  RecordPlanReviewInput,
  RejectRepairPlanInput,
  RequestPlanChangeInput,
  SubmitRepairPlanInput,
} from '../api/repair-plan.input.js';
import { RepairPlanStatus } from '../entities/repair-order.enums.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPlanChange } from '../entities/repair-plan-change.entity.js';
import { RepairPlanReview } from '../entities/repair-plan-review.entity.js';
import { RepairPlan } from '../entities/repair-plan.entity.js';
import { repairErrors } from '../errors.js';
import { beginRepairAction, finishRepairAction } from './repair-action.js';

/** Returns the order's latest plan revision, or null before the first plan. */
export function latestRepairPlan(
  scope: RequestScope,
  order: RepairOrder,
): Promise<RepairPlan | null> {
  return scope.em.findOne(RepairPlan, { order: order.id }, { orderBy: { revision: 'DESC' } });
}

/** Loads the plan under review; the workflow state guarantees that it exists. */
async function requireSubmittedPlan(scope: RequestScope, order: RepairOrder): Promise<RepairPlan> {
  const plan = await latestRepairPlan(scope, order);
  if (!plan || plan.status !== RepairPlanStatus.SUBMITTED)
    throw new Error(`Repair order ${order.number} is PLAN_SUBMITTED but has no submitted plan`);
  return plan;
}

/** Submits a plan, or a revised plan after a rejection, and moves the order to PLAN_SUBMITTED. */
export async function submitRepairPlan(
  scope: RequestScope,
  input: SubmitRepairPlanInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'submitPlan');
  const departments = [...new Set(input.reviewDepartments ?? [])];
  if (input.major && departments.length === 0) throw repairErrors.majorPlanWithoutReviewers();
  const problems = input.parts.flatMap((part, index) =>
    new Big(part.quantity).gt(0)
      ? []
      : [
          {
            field: `input.parts[${index}].quantity`,
            message: `input.parts[${index}].quantity must be more than 0`,
          },
        ],
  );
  if (!new Big(input.estimatedHours).gt(0))
    problems.push({
      field: 'input.estimatedHours',
      message: 'input.estimatedHours must be more than 0',
    });
  if (problems.length > 0) throw invalidInputs(problems);
  const previous = await latestRepairPlan(scope, pending.order);
  scope.em.create(RepairPlan, {
    order: pending.order,
    revision: (previous?.revision ?? 0) + 1,
    status: RepairPlanStatus.SUBMITTED,
    steps: input.steps,
    parts: input.parts.map((part) => ({
      partNumber: part.partNumber,
      description: part.description,
      quantity: normalizeDecimal(part.quantity, 3),
    })),
    estimatedHours: normalizeDecimal(input.estimatedHours, 2),
    major: input.major,
    reviewDepartments: departments,
    submittedAt: new Date(),
    submittedBy: scope.principal.name,
  });
  return finishRepairAction(scope, pending);
}

/** Records one listed department's review of the submitted major plan; the state stays. */
export async function recordPlanReview(
  scope: RequestScope,
  input: RecordPlanReviewInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'recordPlanReview');
  const plan = await requireSubmittedPlan(scope, pending.order);
  if (!plan.reviewDepartments.includes(input.department))
    throw repairErrors.departmentNotListed(input.department, plan.reviewDepartments);
  scope.em.create(RepairPlanReview, {
    plan,
    department: input.department,
    reviewer: input.reviewer,
    approved: input.approved,
    comment: input.comment ?? null,
    reviewedAt: new Date(),
  });
  return finishRepairAction(scope, pending);
}

/** Rejects the submitted plan with a reason and moves the order to PLAN_REJECTED. */
export async function rejectRepairPlan(
  scope: RequestScope,
  input: RejectRepairPlanInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'rejectPlan');
  const plan = await requireSubmittedPlan(scope, pending.order);
  plan.status = RepairPlanStatus.REJECTED;
  plan.rejectionReason = input.reason;
  plan.decidedAt = new Date();
  plan.decidedBy = scope.principal.name;
  return finishRepairAction(scope, pending, input.reason);
}

/**
 * Lists why a major plan cannot be approved yet: a listed department without a review, or one
 * whose latest review rejected the plan.
 */
async function missingPlanReviews(
  scope: RequestScope,
  plan: RepairPlan,
): Promise<{ field: string; message: string }[]> {
  if (!plan.major) return [];
  const reviews = await scope.em.find(
    RepairPlanReview,
    { plan: plan.id },
    { orderBy: { reviewedAt: 'ASC', id: 'ASC' } },
  );
  const latest = new Map<Department, RepairPlanReview>();
  for (const review of reviews) latest.set(review.department, review);
  return plan.reviewDepartments.flatMap((department) => {
    const review = latest.get(department);
    if (!review)
      return [
        {
          field: 'input.id',
          message: `${department} has not reviewed the major plan: record its review with recordPlanReview first`,
        },
      ];
    if (!review.approved)
      return [
        {
          field: 'input.id',
          message: `${department} (${review.reviewer}) rejected the major plan: reject it with rejectRepairPlan and submit a revised plan`,
        },
      ];
    return [];
  });
}

/** Approves the submitted plan, after every listed department approved a major one. */
export async function approveRepairPlan(
  scope: RequestScope,
  input: ApproveRepairPlanInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'approvePlan');
  const plan = await requireSubmittedPlan(scope, pending.order);
  const problems = await missingPlanReviews(scope, plan);
  if (problems.length > 0) throw invalidInputs(problems);
  plan.status = RepairPlanStatus.APPROVED;
  plan.decidedAt = new Date();
  plan.decidedBy = scope.principal.name;
  return finishRepairAction(scope, pending);
}

/** Requests a change to the approved plan during the repair; the order waits for approval. */
export async function requestPlanChange(
  scope: RequestScope,
  input: RequestPlanChangeInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'requestPlanChange');
  scope.em.create(RepairPlanChange, {
    order: pending.order,
    reason: input.reason,
    changes: input.changes,
    requestedAt: new Date(),
    requestedBy: scope.principal.name,
  });
  return finishRepairAction(scope, pending, input.reason);
}

/** Approves the open plan change and returns the order to IN_REPAIR. */
export async function approvePlanChange(
  scope: RequestScope,
  input: ApprovePlanChangeInput,
): Promise<RepairOrder> {
  const pending = await beginRepairAction(scope, input, 'approvePlanChange');
  const change = await scope.em.findOne(
    RepairPlanChange,
    { order: pending.order.id, approvedAt: null },
    { orderBy: { requestedAt: 'DESC' } },
  );
  if (!change)
    throw new Error(
      `Repair order ${pending.order.number} is PLAN_CHANGE_REQUESTED but has no open plan change`,
    );
  change.approvedAt = new Date();
  change.approvedBy = scope.principal.name;
  return finishRepairAction(scope, pending);
}
