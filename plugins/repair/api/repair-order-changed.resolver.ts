import { GraphQLError } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import {
  Access,
  badUserInput,
  checkAccess,
  entityById,
  fromGlobalId,
  type AccessRule,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import {
  streamRepairOrderChanges,
  type RepairOrderChangeItem,
  type RepairOrderEventConditions,
} from '../events/repair-order-event-stream.js';
import {
  RepairOrderChange,
  RepairOrderChangedEvent,
  RepairOrderChangedFilter,
} from './repair-order-changed.types.js';

const ACCESS: AccessRule = { roles: 'any', customers: true };

interface SubscriptionArgs {
  filter?: RepairOrderChangedFilter | null;
  after?: string | null;
}

/** Parses `after`: an event id, a whole number of 0 or more. */
function parseAfter(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,15}$/.test(after)) {
    throw badUserInput(
      'after',
      `after "${after}" is not an event id: pass the eventId of the last event you received`,
    );
  }
  return Number(after);
}

/**
 * Checks and decodes the filter. type-graphql validates arguments when it resolves each event, not
 * when the subscription starts, so the limits of the input class are checked here again.
 */
function conditionsOf(filter: RepairOrderChangedFilter | null | undefined) {
  if ((filter?.statuses?.length ?? 0) > 20) {
    throw badUserInput(
      'filter.statuses',
      'filter.statuses lists more than 20 statuses: list fewer',
    );
  }
  const urgencies = filter?.urgencies ?? [];
  if (urgencies.length > 10 || urgencies.some((urgency) => urgency.length > 32)) {
    throw badUserInput(
      'filter.urgencies',
      'filter.urgencies must list at most 10 urgencies of at most 32 characters each',
    );
  }
  const conditions: RepairOrderEventConditions = {};
  // An empty ID is rejected like any other invalid one, rather than read as "no filter".
  if (filter?.customerId != null) {
    conditions.customerId = fromGlobalId(filter.customerId, 'filter.customerId', 'Customer').id;
  }
  if (filter?.equipmentId != null) {
    conditions.equipmentId = fromGlobalId(filter.equipmentId, 'filter.equipmentId', 'Equipment').id;
  }
  if (filter?.statuses?.length) conditions.statuses = filter.statuses;
  if (filter?.urgencies?.length) {
    conditions.urgencies = filter.urgencies.map((urgency) => urgency.trim().toUpperCase());
  }
  return conditions;
}

/**
 * Starts the event stream. The access rule is checked here as well as on the resolver, because
 * type-graphql applies middleware to each event's resolution but not to the subscribe step.
 */
function subscribeToChanges({
  args,
  context,
  info,
}: SubscribeResolverData<unknown, SubscriptionArgs, RequestScope>) {
  const { filter, after } = args;
  checkAccess(context.principal, ACCESS, 'Subscription', info.fieldName);
  return streamRepairOrderChanges(context, conditionsOf(filter), parseAfter(after));
}

@Resolver(() => RepairOrderChangedEvent)
export class RepairOrderChangedResolver {
  @Access(ACCESS)
  @Subscription(() => RepairOrderChange, {
    subscribe: subscribeToChanges,
    description:
      'Committed repair order changes, in commit order. Pass `after` (the last eventId received) to replay the missed changes first; customer API keys receive their customer only.',
  })
  repairOrderChanged(
    @Root() change: RepairOrderChangeItem,
    @Arg('filter', () => RepairOrderChangedFilter, { nullable: true })
    _filter?: RepairOrderChangedFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): RepairOrderChangeItem {
    return change;
  }

  // Resolved in the event's own scope, so the order is current and tenant-filtered.
  @FieldResolver(() => RepairOrder)
  async repairOrder(
    @Ctx() scope: RequestScope,
    @Root() event: RepairOrderChangedEvent,
  ): Promise<RepairOrder> {
    const order = await scope.loader(entityById(RepairOrder)).load(event.orderId);
    if (!order) {
      // The event was read under the same tenant filter, so only a deleted order gets here.
      throw new GraphQLError(`Repair order of event ${event.eventId} no longer exists`, {
        extensions: { code: 'NOT_FOUND' },
      });
    }
    return order;
  }
}
