import type Big from 'big.js';
import type { RequestScope } from '../../../core/index.js';

/** Pub/sub topic announcing committed stock changes of one part in one warehouse. */
export const STOCK_CHANGED_TOPIC = 'spare-parts.stockChanged';

/** Pub/sub topic announcing that a part's total available stock fell to its reorder point. */
export const PART_BELOW_REORDER_POINT_TOPIC = 'spare-parts.partBelowReorderPoint';

/** A committed change of one balance row. */
export interface StockChange {
  partId: string;
  warehouseId: string;
  availableDelta: Big;
}

/** Message on {@link STOCK_CHANGED_TOPIC}: keys (not global IDs) of the part and warehouse. */
export interface StockChangedMessage {
  [key: string]: string;
  partId: string;
  warehouseId: string;
}

/** Message on {@link PART_BELOW_REORDER_POINT_TOPIC}. */
export interface PartBelowReorderPointMessage {
  [key: string]: string;
  partId: string;
}

/**
 * Publishes the changes of a committed stock transaction. A failure is logged, not thrown,
 * because the change is already stored and no caller could handle the error.
 */
export function publishStockChanges(
  scope: RequestScope,
  changes: StockChange[],
  partsBelowReorderPoint: string[],
): void {
  try {
    for (const change of changes) {
      const message: StockChangedMessage = {
        partId: change.partId,
        warehouseId: change.warehouseId,
      };
      scope.pubSub.publish(STOCK_CHANGED_TOPIC, message);
    }
    for (const partId of partsBelowReorderPoint) {
      const message: PartBelowReorderPointMessage = { partId };
      scope.pubSub.publish(PART_BELOW_REORDER_POINT_TOPIC, message);
    }
  } catch (error) {
    scope.logger.warn(
      { err: error, parts: changes.map((change) => change.partId) },
      'stock change not published',
    );
  }
}
