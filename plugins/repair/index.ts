import { definePlugin, type RequestScope } from '../../core/index.js';
import { EquipmentRepairOrdersResolver } from './api/equipment-repair-orders.resolver.js';
import { RepairCompletionResolver } from './api/repair-completion.resolver.js';
import { RepairEscalationResolver } from './api/repair-escalation.resolver.js';
import { RepairFailureAnalysisResolver } from './api/repair-failure-analysis.resolver.js';
import { RepairDispatchResolver } from './api/repair-dispatch.resolver.js';
import {
  RepairAssignmentTechnicianResolver,
  RepairLabourEntryTechnicianResolver,
  RepairOrderWorkflowResolver,
  RepairPlanReviewsResolver,
} from './api/repair-order-workflow.resolver.js';
import { RepairOrderChangedResolver } from './api/repair-order-changed.resolver.js';
import { RepairOrderResolver } from './api/repair-order.resolver.js';
import { RepairPlanResolver } from './api/repair-plan.resolver.js';
import { RepairAssignment } from './entities/repair-assignment.entity.js';
import { RepairEscalation } from './entities/repair-escalation.entity.js';
import { RepairLabourEntry } from './entities/repair-labour-entry.entity.js';
import { RepairOrderEventPurge } from './entities/repair-order-event-purge.entity.js';
import { RepairOrderEvent } from './entities/repair-order-event.entity.js';
import { RepairOrder } from './entities/repair-order.entity.js';
import { RepairPlanChange } from './entities/repair-plan-change.entity.js';
import { RepairPlanReview } from './entities/repair-plan-review.entity.js';
import { RepairPlan } from './entities/repair-plan.entity.js';
import { RepairStatusChange } from './entities/repair-status-change.entity.js';
import {
  deleteExpiredRepairOrderEvents,
  readEventRetentionHours,
} from './events/repair-event-retention.js';
import { REPAIR_ORDER_CHANGED_TOPIC } from './events/repair-order-changed.event.js';
import { importExcavatorHistory } from './import/excavator-import.js';
import { REPAIR_MIGRATIONS } from './migrations/index.js';

export { RepairOrder } from './entities/repair-order.entity.js';
export {
  RepairOrderStatus,
  RepairOrderType,
  RepairPlanStatus,
  RepairUrgency,
  ReportChannel,
} from './entities/repair-order.enums.js';
export {
  addRepairCloseCheck,
  type MissingCloseItem,
  type RepairCloseCheck,
} from './services/repair-close-checks.js';
export { REPAIR_ACTIONS, type RepairAction } from './workflow/repair-workflow.js';
export { importExcavatorHistory, type ExcavatorImportReport } from './import/excavator-import.js';
export {
  recordRepairOrderChanged,
  REPAIR_ORDER_CHANGED_TOPIC,
  type RepairOrderChange,
} from './events/repair-order-changed.event.js';

/**
 * Repair work orders (维修工单): the order record and its workflow from report to close, its list,
 * `Equipment.repairOrders`, and the `repairOrderChanged` subscription.
 */
export const repairPlugin = definePlugin({
  id: 'repair',
  entities: [
    RepairOrder,
    RepairAssignment,
    RepairLabourEntry,
    RepairPlan,
    RepairPlanReview,
    RepairPlanChange,
    RepairStatusChange,
    RepairOrderEvent,
    RepairOrderEventPurge,
    RepairEscalation,
  ],
  migrations: REPAIR_MIGRATIONS,
  resolvers: [
    RepairOrderResolver,
    EquipmentRepairOrdersResolver,
    RepairDispatchResolver,
    RepairPlanResolver,
    RepairCompletionResolver,
    RepairOrderWorkflowResolver,
    RepairPlanReviewsResolver,
    RepairAssignmentTechnicianResolver,
    RepairLabourEntryTechnicianResolver,
    RepairOrderChangedResolver,
    RepairFailureAnalysisResolver,
    RepairEscalationResolver,
  ],
  topics: [REPAIR_ORDER_CHANGED_TOPIC],
  // A getter, so that `REPAIR_EVENT_RETENTION_HOURS` is read and checked when the runtime starts
  // the jobs. An invalid value then stops the start with a ConfigError.
  get jobs() {
    const retentionHours = readEventRetentionHours();
    return [
      {
        name: 'deleteExpiredRepairOrderEvents',
        intervalMs: 15 * 60_000,
        run: async (scope: RequestScope) => {
          await deleteExpiredRepairOrderEvents(scope, retentionHours);
        },
      },
    ];
  },
  seed: async (scope) => {
    const report = await importExcavatorHistory(scope);
    scope.logger.info(
      { imported: report.imported, rejected: report.rejected.length },
      'excavator history loaded',
    );
  },
});
