import type { EntityClass, FilterQuery, QueryOrderMap, Ref } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { defineLoader, groupByKey } from '../../../core/index.js';
import { RepairAssignment } from '../entities/repair-assignment.entity.js';
import { RepairEscalation } from '../entities/repair-escalation.entity.js';
import { RepairLabourEntry } from '../entities/repair-labour-entry.entity.js';
import { RepairPlanChange } from '../entities/repair-plan-change.entity.js';
import { RepairPlanReview } from '../entities/repair-plan-review.entity.js';
import { RepairPlan } from '../entities/repair-plan.entity.js';
import { RepairStatusChange } from '../entities/repair-status-change.entity.js';

/**
 * Declares a loader of all children of each parent, in one statement for every parent of a level.
 * The lists are short (a few per order), so they are plain lists and not connections.
 */
function defineChildList<T extends object>(
  key: string,
  entity: EntityClass<T>,
  parentProperty: keyof T & string,
  orderBy: QueryOrderMap<T>,
) {
  return defineLoader(
    key,
    (scope) =>
      new DataLoader<string, T[]>(async (parentIds) => {
        const where = { [parentProperty]: { $in: [...parentIds] } } as FilterQuery<T>;
        const rows = await scope.em.find(entity, where, { orderBy });
        return groupByKey(
          parentIds,
          rows,
          (row) => (row[parentProperty] as Ref<object> & { id: string }).id,
        );
      }),
  );
}

export const assignmentsByOrder = defineChildList(
  'repair.assignmentsByOrder',
  RepairAssignment,
  'order',
  {
    assignedAt: 'ASC',
    id: 'ASC',
  },
);

export const labourEntriesByOrder = defineChildList(
  'repair.labourEntriesByOrder',
  RepairLabourEntry,
  'order',
  { workedOn: 'ASC', recordedAt: 'ASC', id: 'ASC' },
);

export const plansByOrder = defineChildList('repair.plansByOrder', RepairPlan, 'order', {
  revision: 'ASC',
});

export const reviewsByPlan = defineChildList('repair.reviewsByPlan', RepairPlanReview, 'plan', {
  reviewedAt: 'ASC',
  id: 'ASC',
});

export const planChangesByOrder = defineChildList(
  'repair.planChangesByOrder',
  RepairPlanChange,
  'order',
  { requestedAt: 'ASC', id: 'ASC' },
);

export const statusChangesByOrder = defineChildList(
  'repair.statusChangesByOrder',
  RepairStatusChange,
  'order',
  { changedAt: 'ASC', id: 'ASC' },
);

export const escalationsByOrder = defineChildList(
  'repair.escalationsByOrder',
  RepairEscalation,
  'order',
  { askedAt: 'ASC', id: 'ASC' },
);
