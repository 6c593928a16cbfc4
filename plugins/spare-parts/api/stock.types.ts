import Big from 'big.js';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../../core/index.js';
import type { Part } from '../entities/part.entity.js';
import type { StockBalance } from '../entities/stock-balance.entity.js';
import { QUANTITY_SCALE } from '../entities/spare-parts.decimals.js';

/** Stock of a part over all warehouses. */
@ObjectType('StockSummary')
export class StockSummary {
  @Field(() => DecimalScalar)
  onHand!: string;

  @Field(() => DecimalScalar)
  reserved!: string;

  @Field(() => DecimalScalar)
  available!: string;

  @Field(() => Boolean, {
    description: 'Whether available is at or below a reorder point above 0.',
  })
  belowReorderPoint!: boolean;
}

/** Adds up a part's balance rows. */
export function summarize(part: Part, rows: StockBalance[]): StockSummary {
  const onHand = rows.reduce((sum, row) => sum.plus(row.onHand), new Big(0));
  const reserved = rows.reduce((sum, row) => sum.plus(row.reserved), new Big(0));
  const available = onHand.minus(reserved);
  const point = new Big(part.reorderPoint);
  return {
    onHand: onHand.toFixed(QUANTITY_SCALE),
    reserved: reserved.toFixed(QUANTITY_SCALE),
    available: available.toFixed(QUANTITY_SCALE),
    belowReorderPoint: point.gt(0) && available.lte(point),
  };
}
