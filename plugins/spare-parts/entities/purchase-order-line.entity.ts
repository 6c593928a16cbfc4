import Big from 'big.js';
import { Entity, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';
import { PurchaseOrder } from './purchase-order.entity.js';
import { MONEY_SCALE, moneyType, quantityType } from './spare-parts.decimals.js';

/** One part on a purchase order: what is bought, how much, at what price, by when, on what terms. */
@ObjectType('PurchaseOrderLine', { implements: Node })
@Entity({ tableName: 'spare_parts_purchase_order_line' })
@Tenancy({ internal: true })
export class PurchaseOrderLine extends NodeEntity {
  @ManyToOne(() => PurchaseOrder, { ref: true, index: true })
  purchaseOrder!: Ref<PurchaseOrder>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  lineNumber!: number;

  @ManyToOne(() => Part, { ref: true, index: true })
  part!: Ref<Part>;

  @Field(() => String, { description: 'Specification the delivered goods must meet.' })
  @Property({ type: 'text' })
  specification!: string;

  @Field(() => DecimalScalar)
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Price per unit of measure, in the order currency.' })
  @Property({ type: moneyType() })
  unitPrice!: string;

  @Field(() => LocalDateScalar, { description: 'Agreed delivery day.' })
  @Property({ type: 'date' })
  deliveryDate!: string;

  @Field(() => String, {
    description: 'Quality terms, such as the standard and the inspection on receipt.',
  })
  @Property({ type: 'text' })
  qualityTerms!: string;

  @Field(() => DecimalScalar, { description: 'Quantity received so far.' })
  @Property({ type: quantityType(), default: 0 })
  receivedQuantity: Opt<string> = '0.000';

  @Field(() => DecimalScalar, {
    description: 'quantity × unitPrice, rounded half up to two decimal places.',
  })
  get lineTotal(): Opt<string> {
    return new Big(this.quantity).times(this.unitPrice).toFixed(MONEY_SCALE, Big.roundHalfUp);
  }
}
