import { GraphQLError } from 'graphql';
import {
  Arg,
  Ctx,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import {
  Access,
  checkAccess,
  entityById,
  fromGlobalId,
  type AccessRule,
  type RequestScope,
  type TopicPayload,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { StockBalance } from '../entities/stock-balance.entity.js';
import { PART_BELOW_REORDER_POINT_TOPIC, STOCK_CHANGED_TOPIC } from '../events/stock-events.js';

/** Internal principals only: stock is hidden from customer API keys. */
const ACCESS: AccessRule = { roles: 'any' };

interface StockChangedArgs {
  partId?: string | null;
  warehouseId?: string | null;
}

/** Yields the messages of `topic` that pass `keep`; returning the iterator unsubscribes. */
async function* filtered(
  source: AsyncIterableIterator<TopicPayload>,
  keep: (message: TopicPayload) => boolean,
): AsyncGenerator<TopicPayload> {
  try {
    for await (const message of source) if (keep(message)) yield message;
  } finally {
    await source.return?.();
  }
}

function subscribeToStockChanges({
  args,
  context,
  info,
}: SubscribeResolverData<unknown, StockChangedArgs, RequestScope>) {
  checkAccess(context.principal, ACCESS, 'Subscription', info.fieldName);
  const partId = args.partId ? fromGlobalId(args.partId, 'partId', 'Part').id : null;
  const warehouseId = args.warehouseId
    ? fromGlobalId(args.warehouseId, 'warehouseId', 'Warehouse').id
    : null;
  return filtered(
    context.pubSub.subscribe(STOCK_CHANGED_TOPIC),
    (message) =>
      (!partId || message.partId === partId) &&
      (!warehouseId || message.warehouseId === warehouseId),
  );
}

function subscribeToReorderAlerts({
  context,
  info,
}: SubscribeResolverData<unknown, object, RequestScope>) {
  checkAccess(context.principal, ACCESS, 'Subscription', info.fieldName);
  return filtered(context.pubSub.subscribe(PART_BELOW_REORDER_POINT_TOPIC), () => true);
}

@Resolver()
export class StockSubscriptionResolver {
  @Access(ACCESS)
  @Subscription(() => StockBalance, {
    subscribe: subscribeToStockChanges,
    description:
      'Stock of a part in a warehouse after each committed change, optionally for one part or warehouse. Not available to customer API keys.',
  })
  async stockChanged(
    @Ctx() scope: RequestScope,
    @Root() message: TopicPayload,
    @Arg('partId', () => ID, { nullable: true }) _partId?: string,
    @Arg('warehouseId', () => ID, { nullable: true }) _warehouseId?: string,
  ): Promise<StockBalance> {
    // Resolved in the event's own scope, so the numbers are those after the commit.
    const level = await scope.em.findOne(StockBalance, {
      part: String(message.partId),
      warehouse: String(message.warehouseId),
    });
    if (!level) {
      throw new GraphQLError('Stock level of the event no longer exists', {
        extensions: { code: 'NOT_FOUND' },
      });
    }
    return level;
  }

  @Access(ACCESS)
  @Subscription(() => Part, {
    subscribe: subscribeToReorderAlerts,
    description:
      'Parts whose available stock over all warehouses just fell to or below their reorder point. Not available to customer API keys.',
  })
  async partBelowReorderPoint(
    @Ctx() scope: RequestScope,
    @Root() message: TopicPayload,
  ): Promise<Part> {
    const part = await scope.loader(entityById(Part)).load(String(message.partId));
    if (!part) {
      throw new GraphQLError('Part of the event no longer exists', {
        extensions: { code: 'NOT_FOUND' },
      });
    }
    return part;
  }
}
