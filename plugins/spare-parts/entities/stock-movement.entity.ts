import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  Node,
  NodeEntity,
  Tenancy,
  excludeFromAudit,
} from '../../../core/index.js';
import { Part } from './part.entity.js';
import { PurchaseReceiptLine } from './purchase-receipt-line.entity.js';
import { RequisitionLine } from './requisition-line.entity.js';
import { StockMovementKind } from './spare-parts.enums.js';
import { moneyType, quantityType } from './spare-parts.decimals.js';
import { StockTransfer } from './stock-transfer.entity.js';
import { StocktakeLine } from './stocktake-line.entity.js';
import { Warehouse } from './warehouse.entity.js';

/**
 * One entry of the append-only stock ledger of a part in a warehouse. Entries are only ever
 * inserted: a correction is a new entry. On hand is the sum of the quantities.
 */
@ObjectType('StockMovement', { implements: Node })
@Entity({ tableName: 'spare_parts_stock_movement' })
@Tenancy({ internal: true })
@Index({ properties: ['part', 'warehouse', 'occurredAt'] })
@Index({ properties: ['kind', 'occurredAt'] })
export class StockMovement extends NodeEntity {
  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @ManyToOne(() => Warehouse, { ref: true })
  warehouse!: Ref<Warehouse>;

  @Field(() => StockMovementKind)
  @Enum({ items: () => StockMovementKind, type: 'string' })
  kind!: StockMovementKind;

  @Field(() => DecimalScalar, {
    description:
      'Signed quantity: positive adds to on hand, negative removes (an issue is negative).',
  })
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Unit cost at the time of the movement; null when unknown.',
  })
  @Property({ type: moneyType(), nullable: true })
  unitCost?: string | null;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  /** The requisition line an ISSUE or RETURN belongs to. */
  @ManyToOne(() => RequisitionLine, { ref: true, nullable: true, index: true })
  requisitionLine?: Ref<RequisitionLine> | null;

  /** The receipt line a RECEIPT belongs to. */
  @ManyToOne(() => PurchaseReceiptLine, { ref: true, nullable: true })
  receiptLine?: Ref<PurchaseReceiptLine> | null;

  /** The stocktake line an ADJUSTMENT belongs to. */
  @ManyToOne(() => StocktakeLine, { ref: true, nullable: true })
  stocktakeLine?: Ref<StocktakeLine> | null;

  /** The transfer a TRANSFER_OUT and TRANSFER_IN pair belongs to. */
  @ManyToOne(() => StockTransfer, { ref: true, nullable: true, index: true })
  transfer?: Ref<StockTransfer> | null;

  @Field(() => String, { description: 'Name of the principal who recorded the movement.' })
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;
}

// The ledger is its own trail: every entry records who made it and is never changed.
excludeFromAudit(StockMovement);
