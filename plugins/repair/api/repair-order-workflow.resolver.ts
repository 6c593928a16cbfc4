import Big from 'big.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  DecimalScalar,
  entityById,
  loadReference,
  Staff,
  type RequestScope,
} from '../../../core/index.js';
import { RepairAssignment } from '../entities/repair-assignment.entity.js';
import { RepairLabourEntry } from '../entities/repair-labour-entry.entity.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPlanChange } from '../entities/repair-plan-change.entity.js';
import { RepairPlanReview } from '../entities/repair-plan-review.entity.js';
import { RepairPlan } from '../entities/repair-plan.entity.js';
import { RepairStatusChange } from '../entities/repair-status-change.entity.js';
import {
  assignmentsByOrder,
  labourEntriesByOrder,
  planChangesByOrder,
  plansByOrder,
  reviewsByPlan,
  statusChangesByOrder,
} from '../loaders/repair-workflow.loaders.js';

/** Workflow records of a repair order: technicians, plans, labour and the state history. */
@Resolver(() => RepairOrder)
export class RepairOrderWorkflowResolver {
  @FieldResolver(() => [RepairAssignment], { description: 'Technicians dispatched, in order.' })
  assignments(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(assignmentsByOrder).load(order.id);
  }

  @FieldResolver(() => [Staff], {
    description: 'Technicians dispatched to the order. Empty for customer API keys.',
  })
  async technicians(@Ctx() scope: RequestScope, @Root() order: RepairOrder): Promise<Staff[]> {
    const assignments = await scope.loader(assignmentsByOrder).load(order.id);
    const staff = await scope
      .loader(entityById(Staff))
      .loadMany(assignments.map((assignment) => assignment.technician.id));
    // Customer API keys cannot read staff records, so the loader returns nothing for them.
    return staff.filter((member): member is Staff => member instanceof Staff);
  }

  @FieldResolver(() => [RepairPlan], { description: 'Every plan revision, oldest first.' })
  plans(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(plansByOrder).load(order.id);
  }

  @FieldResolver(() => RepairPlan, { nullable: true, description: 'The latest plan revision.' })
  async currentPlan(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    const plans = await scope.loader(plansByOrder).load(order.id);
    return plans.at(-1) ?? null;
  }

  @FieldResolver(() => [RepairPlanChange], { description: 'Plan changes requested during repair.' })
  planChanges(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(planChangesByOrder).load(order.id);
  }

  @FieldResolver(() => [RepairLabourEntry], { description: 'Labour time, by day worked.' })
  labourEntries(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(labourEntriesByOrder).load(order.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the labour entries, in hours.' })
  async labourHours(@Ctx() scope: RequestScope, @Root() order: RepairOrder): Promise<string> {
    const entries = await scope.loader(labourEntriesByOrder).load(order.id);
    return entries.reduce((sum, entry) => sum.plus(entry.hours), new Big(0)).toFixed(2);
  }

  @FieldResolver(() => [RepairStatusChange], { description: 'State changes, oldest first.' })
  statusHistory(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(statusChangesByOrder).load(order.id);
  }
}

/** The reviews of a plan revision. */
@Resolver(() => RepairPlan)
export class RepairPlanReviewsResolver {
  @FieldResolver(() => [RepairPlanReview], { description: 'Department reviews, oldest first.' })
  reviews(@Ctx() scope: RequestScope, @Root() plan: RepairPlan) {
    return scope.loader(reviewsByPlan).load(plan.id);
  }
}

/** The technician of an assignment. */
@Resolver(() => RepairAssignment)
export class RepairAssignmentTechnicianResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'Null for customer API keys.' })
  technician(@Ctx() scope: RequestScope, @Root() assignment: RepairAssignment) {
    return loadReference(scope, Staff, assignment.technician);
  }
}

/** The technician of a labour entry. */
@Resolver(() => RepairLabourEntry)
export class RepairLabourEntryTechnicianResolver {
  @FieldResolver(() => Staff, { nullable: true, description: 'Null for customer API keys.' })
  technician(@Ctx() scope: RequestScope, @Root() entry: RepairLabourEntry) {
    return loadReference(scope, Staff, entry.technician);
  }
}
