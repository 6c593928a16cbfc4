import { randomInt } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import {
  containsText,
  Customer,
  Equipment,
  EquipmentStatus,
  findPage,
  flushChecked,
  fromGlobalId,
  normalizeDecimal,
  requireRecord,
  type ConnectionArgs,
  type ConnectionPage,
  type RequestScope,
} from '../../../core/index.js';
import type { CreateRepairOrderInput, RepairOrderFilter } from '../api/repair-order.input.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairOrderStatus, RepairUrgency } from '../entities/repair-order.enums.js';
import { repairErrors } from '../errors.js';
import { recordRepairOrderChanged } from '../events/repair-order-changed.event.js';
import { repairDeadlines } from '../workflow/repair-deadlines.js';

/** Builds the conditions of a repair-order filter; shared by the top-level and nested lists. */
export function repairOrderConditions(
  scope: RequestScope,
  filter: RepairOrderFilter = {},
): FilterQuery<RepairOrder> {
  const where: FilterQuery<RepairOrder>[] = [];
  if (filter.equipmentId != null)
    where.push({
      equipment: fromGlobalId(filter.equipmentId, 'filter.equipmentId', 'Equipment').id,
    });
  if (filter.customerId != null)
    where.push({ customer: fromGlobalId(filter.customerId, 'filter.customerId', 'Customer').id });
  if (filter.reportedFrom && filter.reportedTo && filter.reportedTo < filter.reportedFrom) {
    throw repairErrors.periodReversed(filter.reportedFrom, filter.reportedTo);
  }
  if (filter.reportedFrom) where.push({ reportedAt: { $gte: filter.reportedFrom } });
  if (filter.reportedTo) where.push({ reportedAt: { $lt: filter.reportedTo } });
  if (filter.orderTypes?.length) where.push({ orderType: { $in: filter.orderTypes } });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.text) {
    const text = containsText(scope, filter.text);
    where.push({ $or: [{ number: text }, { faultDescription: text }] });
  }
  return where.length > 0 ? { $and: where } : {};
}

/** Lists repair orders, newest first. */
export function listRepairOrders(
  scope: RequestScope,
  filter: RepairOrderFilter | undefined,
  args: ConnectionArgs,
): Promise<ConnectionPage<RepairOrder>> {
  return findPage(
    scope,
    RepairOrder,
    repairOrderConditions(scope, filter),
    { property: 'reportedAt', direction: 'DESC' },
    args,
  );
}

/** Finds an order by its number, or null. */
export function repairOrderByNumber(
  scope: RequestScope,
  number: string,
): Promise<RepairOrder | null> {
  return scope.em.findOne(RepairOrder, { number });
}

/** Opens a repair order in state REPORTED for a unit that is not decommissioned. */
export async function createRepairOrder(
  scope: RequestScope,
  input: CreateRepairOrderInput,
): Promise<RepairOrder> {
  const equipment = await requireRecord(scope, Equipment, input.equipmentId, 'input.equipmentId');
  if (equipment.status === EquipmentStatus.DECOMMISSIONED)
    throw repairErrors.equipmentDecommissioned(equipment.serialNumber);
  const reportedAt = input.reportedAt ?? new Date();
  // A minute of tolerance absorbs clock skew between the client and the server.
  if (reportedAt.getTime() > Date.now() + 60_000) throw repairErrors.reportedInFuture(reportedAt);
  const urgency = input.urgency ?? RepairUrgency.NORMAL;
  const deadlines = repairDeadlines(reportedAt, urgency);

  for (let attempt = 1; ; attempt += 1) {
    const order = scope.em.create(RepairOrder, {
      number: newOrderNumber(reportedAt),
      // References, not the loaded entities: a retry runs after the unit of work was cleared.
      equipment: scope.em.getReference(Equipment, equipment.id),
      customer: scope.em.getReference(Customer, equipment.customer.id),
      reportedAt,
      channel: input.channel,
      faultDescription: input.faultDescription,
      orderType: input.orderType,
      costAmount: input.cost ? normalizeDecimal(input.cost.amount, 2) : null,
      costCurrency: input.cost?.currency ?? null,
      status: RepairOrderStatus.REPORTED,
      tagSystem: input.diagnosisTags?.system ?? null,
      tagPart: input.diagnosisTags?.part ?? null,
      tagFailureMode: input.diagnosisTags?.failureMode ?? null,
      isHistorical: false,
      urgency,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      location: input.location ?? null,
      ...deadlines,
    });
    recordRepairOrderChanged(scope, order, {
      kind: 'report',
      from: null,
      to: RepairOrderStatus.REPORTED,
    });
    try {
      await flushChecked(scope, [
        { column: 'number', field: 'number', message: 'order number taken' },
      ]);
      return order;
    } catch (error) {
      // Two orders drew the same number: draw again, a few times at most.
      if (attempt >= 3) throw error;
      scope.em.clear();
    }
  }
}

/** Order numbers read "RO-<reporting date>-<6 digits>", such as "RO-20261204-048213". */
function newOrderNumber(reportedAt: Date): string {
  const day = reportedAt.toISOString().slice(0, 10).replace(/-/g, '');
  return `RO-${day}-${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
