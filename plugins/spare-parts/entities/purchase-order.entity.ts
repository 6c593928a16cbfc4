import {
  DateTimeType,
  Entity,
  Enum,
  ManyToOne,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { PurchaseOrderStatus } from './spare-parts.enums.js';
import { Supplier } from './supplier.entity.js';

/** A purchase order to a qualified supplier. Its lines carry the parts, prices and terms. */
@ObjectType('PurchaseOrder', { implements: Node })
@Entity({ tableName: 'spare_parts_purchase_order' })
@Tenancy({ internal: true })
export class PurchaseOrder extends NodeEntity {
  @Field(() => String, { description: 'Unique number, such as "PO-20261204-193844".' })
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Supplier, { ref: true, index: true })
  supplier!: Ref<Supplier>;

  @Field(() => PurchaseOrderStatus)
  @Enum({ items: () => PurchaseOrderStatus, type: 'string' })
  status: Opt<PurchaseOrderStatus> = PurchaseOrderStatus.DRAFT;

  @Field(() => String, { description: 'ISO 4217 currency of every price on the order.' })
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  createdBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was sent to the supplier.' })
  @Property({ type: DateTimeType, nullable: true })
  placedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;
}
