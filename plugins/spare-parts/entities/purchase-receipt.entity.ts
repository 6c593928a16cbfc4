import { DateTimeType, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { PurchaseOrder } from './purchase-order.entity.js';
import { Warehouse } from './warehouse.entity.js';

/** Goods received into a warehouse against a purchase order (入库). */
@ObjectType('PurchaseReceipt', { implements: Node })
@Entity({ tableName: 'spare_parts_purchase_receipt' })
@Tenancy({ internal: true })
export class PurchaseReceipt extends NodeEntity {
  @ManyToOne(() => PurchaseOrder, { ref: true, index: true })
  purchaseOrder!: Ref<PurchaseOrder>;

  @ManyToOne(() => Warehouse, { ref: true })
  warehouse!: Ref<Warehouse>;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  receivedAt!: Date;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  receivedBy!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
