import { conflict, StaffRole, type AccessRule } from '../../../core/index.js';
import { RepairOrderStatus as S } from '../entities/repair-order.enums.js';

/** A workflow action: the mutation that performs it and who may call it. */
export interface RepairActionRule {
  /** Mutation that performs the action. */
  mutation: string;
  /** States the action starts from. */
  from: readonly S[];
  /** State the action leads to, or null for an action that records data and keeps the state. */
  to: S | null;
  /** Staff roles allowed besides ADMIN. */
  roles: readonly StaffRole[];
  /** Whether customer-bound API keys may perform it on their own orders. */
  customers: boolean;
}

const TECHNICIAN_WORK = [StaffRole.TECHNICIAN, StaffRole.SERVICE_MANAGER] as const;
const MANAGER = [StaffRole.SERVICE_MANAGER] as const;
const DISPATCH = [StaffRole.DISPATCHER, StaffRole.SERVICE_MANAGER] as const;

/** States in which technicians record labour: from arrival on site until acceptance. */
const LABOUR_STATES = [
  S.ON_SITE,
  S.DIAGNOSED,
  S.PLAN_SUBMITTED,
  S.PLAN_REJECTED,
  S.PLAN_APPROVED,
  S.IN_REPAIR,
  S.PLAN_CHANGE_REQUESTED,
  S.AWAITING_ACCEPTANCE,
] as const;

/** States before IN_REPAIR, from which an order may be cancelled. */
const CANCELLABLE_STATES = [
  S.REPORTED,
  S.DISPATCHED,
  S.ON_SITE,
  S.DIAGNOSED,
  S.PLAN_SUBMITTED,
  S.PLAN_REJECTED,
  S.PLAN_APPROVED,
] as const;

/** The repair workflow as data. Every state change of a repair order goes through this table. */
export const REPAIR_ACTIONS = {
  dispatch: {
    mutation: 'dispatchRepairOrder',
    from: [S.REPORTED],
    to: S.DISPATCHED,
    roles: DISPATCH,
    customers: false,
  },
  recordArrival: {
    mutation: 'recordArrival',
    from: [S.DISPATCHED],
    to: S.ON_SITE,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  recordDiagnosis: {
    mutation: 'recordDiagnosis',
    from: [S.ON_SITE],
    to: S.DIAGNOSED,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  submitPlan: {
    mutation: 'submitRepairPlan',
    from: [S.DIAGNOSED, S.PLAN_REJECTED],
    to: S.PLAN_SUBMITTED,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  recordPlanReview: {
    mutation: 'recordPlanReview',
    from: [S.PLAN_SUBMITTED],
    to: null,
    // Reviewers work in the departments that a major plan lists, so each of their roles may record.
    roles: [
      StaffRole.SERVICE_MANAGER,
      StaffRole.TECHNICIAN,
      StaffRole.SUPPORT_ENGINEER,
      StaffRole.PARTS_CLERK,
      StaffRole.PROCUREMENT,
    ],
    customers: false,
  },
  rejectPlan: {
    mutation: 'rejectRepairPlan',
    from: [S.PLAN_SUBMITTED],
    to: S.PLAN_REJECTED,
    roles: MANAGER,
    customers: false,
  },
  approvePlan: {
    mutation: 'approveRepairPlan',
    from: [S.PLAN_SUBMITTED],
    to: S.PLAN_APPROVED,
    roles: MANAGER,
    customers: false,
  },
  startRepair: {
    mutation: 'startRepair',
    from: [S.PLAN_APPROVED],
    to: S.IN_REPAIR,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  requestPlanChange: {
    mutation: 'requestPlanChange',
    from: [S.IN_REPAIR],
    to: S.PLAN_CHANGE_REQUESTED,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  approvePlanChange: {
    mutation: 'approvePlanChange',
    from: [S.PLAN_CHANGE_REQUESTED],
    to: S.IN_REPAIR,
    roles: MANAGER,
    customers: false,
  },
  recordLabour: {
    mutation: 'recordLabour',
    from: LABOUR_STATES,
    to: null,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  completeRepair: {
    mutation: 'completeRepair',
    from: [S.IN_REPAIR],
    to: S.AWAITING_ACCEPTANCE,
    roles: TECHNICIAN_WORK,
    customers: false,
  },
  accept: {
    mutation: 'acceptRepair',
    from: [S.AWAITING_ACCEPTANCE],
    to: S.ACCEPTED,
    roles: MANAGER,
    customers: true,
  },
  object: {
    mutation: 'objectToRepair',
    from: [S.AWAITING_ACCEPTANCE],
    to: S.IN_REPAIR,
    roles: MANAGER,
    customers: true,
  },
  close: {
    mutation: 'closeRepairOrder',
    from: [S.ACCEPTED],
    to: S.CLOSED,
    roles: MANAGER,
    customers: false,
  },
  cancel: {
    mutation: 'cancelRepairOrder',
    from: CANCELLABLE_STATES,
    to: S.CANCELLED,
    roles: DISPATCH,
    customers: false,
  },
} as const satisfies Record<string, RepairActionRule>;

export type RepairAction = keyof typeof REPAIR_ACTIONS;

/** Returns the access rule of an action's mutation, for `@Access`. */
export function repairActionAccess(action: RepairAction): AccessRule {
  const rule: RepairActionRule = REPAIR_ACTIONS[action];
  return { roles: [...rule.roles], customers: rule.customers };
}

/** Returns whether `action` may start from `status`. */
export function isActionAllowed(action: RepairAction, status: S): boolean {
  return (REPAIR_ACTIONS[action].from as readonly S[]).includes(status);
}

/**
 * Checks that `action` may run on an order in state `current` and returns the state it leads to,
 * which is `current` for an action that only records data. An illegal move is CONFLICT naming
 * both states and the states the action starts from.
 */
export function checkRepairTransition(action: RepairAction, current: S): S {
  const rule: RepairActionRule = REPAIR_ACTIONS[action];
  const requested = rule.to ?? current;
  if (isActionAllowed(action, current)) return requested;
  const allowed = rule.from.join(', ');
  const message =
    rule.to === null
      ? `${rule.mutation} is not allowed while the repair order is ${current}: it is allowed only in ${allowed}`
      : `Cannot move a repair order from ${current} to ${requested} with ${rule.mutation}: it starts only from ${allowed}`;
  throw conflict(message, {
    currentStatus: current,
    requestedStatus: requested,
    allowedFrom: [...rule.from],
  });
}
