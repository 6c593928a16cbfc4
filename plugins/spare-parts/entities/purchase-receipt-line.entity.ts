import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { PurchaseOrderLine } from './purchase-order-line.entity.js';
import { PurchaseReceipt } from './purchase-receipt.entity.js';
import { quantityType } from './spare-parts.decimals.js';

/** The quantity of one purchase order line in a receipt, with its quality certificate. */
@ObjectType('PurchaseReceiptLine', { implements: Node })
@Entity({ tableName: 'spare_parts_purchase_receipt_line' })
@Tenancy({ internal: true })
export class PurchaseReceiptLine extends NodeEntity {
  @ManyToOne(() => PurchaseReceipt, { ref: true, index: true })
  receipt!: Ref<PurchaseReceipt>;

  @ManyToOne(() => PurchaseOrderLine, { ref: true, index: true })
  orderLine!: Ref<PurchaseOrderLine>;

  @Field(() => DecimalScalar)
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => String, { description: 'Number of the quality certificate (质量合格证明).' })
  @Property({ type: 'string', length: 100 })
  qualityCertificateNumber!: string;
}
