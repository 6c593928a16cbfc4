import { registerEnumType } from 'type-graphql';

/** Channel through which a fault was reported. */
export enum ReportChannel {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  ONLINE = 'ONLINE',
  ON_SITE = 'ON_SITE',
}

/** Kind of work a repair order covers. */
export enum RepairOrderType {
  CORRECTIVE_REPAIR = 'CORRECTIVE_REPAIR',
  PART_REPLACEMENT = 'PART_REPLACEMENT',
  INSPECTION = 'INSPECTION',
  OTHER = 'OTHER',
}

/** State of a repair order in the repair workflow. */
export enum RepairOrderStatus {
  REPORTED = 'REPORTED',
  DISPATCHED = 'DISPATCHED',
  ON_SITE = 'ON_SITE',
  DIAGNOSED = 'DIAGNOSED',
  PLAN_SUBMITTED = 'PLAN_SUBMITTED',
  PLAN_REJECTED = 'PLAN_REJECTED',
  PLAN_APPROVED = 'PLAN_APPROVED',
  IN_REPAIR = 'IN_REPAIR',
  PLAN_CHANGE_REQUESTED = 'PLAN_CHANGE_REQUESTED',
  AWAITING_ACCEPTANCE = 'AWAITING_ACCEPTANCE',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ReportChannel, {
  name: 'ReportChannel',
  description: 'How a fault was reported (报修渠道).',
});
registerEnumType(RepairOrderType, {
  name: 'RepairOrderType',
  description: 'Kind of work a repair order covers.',
});
registerEnumType(RepairOrderStatus, {
  name: 'RepairOrderStatus',
  description: 'Workflow state of a repair order (维修工单状态).',
});

/** Urgency of a repair, which sets the dispatch and arrival deadlines. */
export enum RepairUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  EMERGENCY = 'EMERGENCY',
}

/** Review state of one revision of a repair plan. */
export enum RepairPlanStatus {
  SUBMITTED = 'SUBMITTED',
  REJECTED = 'REJECTED',
  APPROVED = 'APPROVED',
}

registerEnumType(RepairUrgency, {
  name: 'RepairUrgency',
  description: 'Urgency of a repair (紧急程度); sets the dispatch and arrival deadlines.',
});
registerEnumType(RepairPlanStatus, {
  name: 'RepairPlanStatus',
  description: 'Review state of one revision of a repair plan.',
});
