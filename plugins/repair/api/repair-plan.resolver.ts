import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, type RequestScope } from '../../../core/index.js';
import {
  approvePlanChange,
  approveRepairPlan,
  recordPlanReview,
  rejectRepairPlan,
  requestPlanChange,
  submitRepairPlan,
} from '../services/repair-plan.service.js';
import { repairActionAccess } from '../workflow/repair-workflow.js';
import { RepairOrderPayload } from './repair-order.input.js';
import {
  ApprovePlanChangeInput,
  ApproveRepairPlanInput,
  RecordPlanReviewInput,
  RejectRepairPlanInput,
  RequestPlanChangeInput,
  SubmitRepairPlanInput,
} from './repair-plan.input.js';

/** Workflow mutations of the repair plan: submission, review, approval and changes. */
@Resolver()
export class RepairPlanResolver {
  @Access(repairActionAccess('submitPlan'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Submits a plan for a DIAGNOSED order, or a revised plan after a rejection.',
  })
  async submitRepairPlan(
    @Ctx() scope: RequestScope,
    @Arg('input', () => SubmitRepairPlanInput) input: SubmitRepairPlanInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await submitRepairPlan(scope, input) };
  }

  @Access(repairActionAccess('recordPlanReview'))
  @Mutation(() => RepairOrderPayload, {
    description: "Records a listed department's review of a submitted major plan.",
  })
  async recordPlanReview(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordPlanReviewInput) input: RecordPlanReviewInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await recordPlanReview(scope, input) };
  }

  @Access(repairActionAccess('rejectPlan'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Rejects the submitted plan with a reason; the order moves to PLAN_REJECTED.',
  })
  async rejectRepairPlan(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RejectRepairPlanInput) input: RejectRepairPlanInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await rejectRepairPlan(scope, input) };
  }

  @Access(repairActionAccess('approvePlan'))
  @Mutation(() => RepairOrderPayload, {
    description:
      'Approves the submitted plan. A major plan needs an approving review by each listed department first.',
  })
  async approveRepairPlan(
    @Ctx() scope: RequestScope,
    @Arg('input', () => ApproveRepairPlanInput) input: ApproveRepairPlanInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await approveRepairPlan(scope, input) };
  }

  @Access(repairActionAccess('requestPlanChange'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Requests a change to the approved plan during the repair.',
  })
  async requestPlanChange(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequestPlanChangeInput) input: RequestPlanChangeInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await requestPlanChange(scope, input) };
  }

  @Access(repairActionAccess('approvePlanChange'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Approves the requested plan change; the order returns to IN_REPAIR.',
  })
  async approvePlanChange(
    @Ctx() scope: RequestScope,
    @Arg('input', () => ApprovePlanChangeInput) input: ApprovePlanChangeInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await approvePlanChange(scope, input) };
  }
}
