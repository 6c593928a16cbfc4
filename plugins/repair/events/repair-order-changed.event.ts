import { TransactionContext, wrap, type EntityManager } from '@mikro-orm/core';
import { afterCommit, Customer, Equipment, type RequestScope } from '../../../core/index.js';
import { RepairOrderEvent } from '../entities/repair-order-event.entity.js';
import type { RepairOrder } from '../entities/repair-order.entity.js';
import type { RepairOrderStatus } from '../entities/repair-order.enums.js';

/** Pub/sub topic announcing a committed repair order change. */
export const REPAIR_ORDER_CHANGED_TOPIC = 'repair.orderChanged';

/** What happened to a repair order in one committed change. */
export interface RepairOrderChange {
  /** The mutation or step, such as "dispatch" or "approvePlan". */
  kind: string;
  from: RepairOrderStatus | null;
  to: RepairOrderStatus;
}

/** Message on {@link REPAIR_ORDER_CHANGED_TOPIC}. Subscribers load the event and order by id. */
export interface RepairOrderChangedMessage {
  [key: string]: number | string;
  eventId: number;
  /** Key of the repair order (not its global ID). */
  orderId: string;
  /** Key of the order's customer, so subscribers can skip other customers' events unread. */
  customerId: string;
}

/**
 * Records that `order` changed. Call it inside the transaction that makes the change, before the
 * flush, so the event is stored with the change and published only after it commits.
 *
 * The event joins the unit of work that writes `order` (the scope's, or that of a transactional
 * fork of it). After that unit of work commits, `{ eventId, orderId, customerId }`
 * is published on `repair.orderChanged`; a rollback publishes nothing.
 */
export function recordRepairOrderChanged(
  scope: RequestScope,
  order: RepairOrder,
  change: RepairOrderChange,
): void {
  const em = unitOfWorkOf(scope, order);
  const event = em.create(RepairOrderEvent, {
    order,
    customer: em.getReference(Customer, order.customer.id),
    equipment: em.getReference(Equipment, order.equipment.id),
    status: change.to,
    urgency: urgencyOf(order),
    kind: change.kind,
    fromStatus: change.from,
    toStatus: change.to,
    occurredAt: new Date(),
  });
  afterCommit(event, () => {
    const message: RepairOrderChangedMessage = {
      eventId: event.id,
      orderId: order.id,
      customerId: event.customer.id,
    };
    try {
      scope.pubSub.publish(REPAIR_ORDER_CHANGED_TOPIC, message);
    } catch (error) {
      scope.logger.warn({ err: error, eventId: event.id }, 'repair order change not published');
    }
  });
}

/**
 * Finds the EntityManager whose next flush writes `order`: the one that loaded it, else the fork
 * of a running `em.transactional` callback, else the scope's own. A new entity names no
 * EntityManager until it is flushed, hence the second step.
 */
function unitOfWorkOf(scope: RequestScope, order: RepairOrder): EntityManager {
  return (
    (wrap(order, true).__em as EntityManager | undefined) ??
    TransactionContext.getEntityManager(scope.em.name) ??
    scope.em
  );
}

/** Returns the order's urgency as stored text, or null for orders without one. */
function urgencyOf(order: RepairOrder): string | null {
  const urgency = (order as { urgency?: unknown }).urgency;
  return typeof urgency === 'string' ? urgency : null;
}
