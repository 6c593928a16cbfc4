import { DateTimeType, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';
import { quantityType } from './spare-parts.decimals.js';
import { Warehouse } from './warehouse.entity.js';

/** A move of one part from one warehouse to another (调拨), booked as a TRANSFER_OUT and TRANSFER_IN pair. */
@ObjectType('StockTransfer', { implements: Node })
@Entity({ tableName: 'spare_parts_stock_transfer' })
@Tenancy({ internal: true })
export class StockTransfer extends NodeEntity {
  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @ManyToOne(() => Warehouse, { ref: true })
  fromWarehouse!: Ref<Warehouse>;

  @ManyToOne(() => Warehouse, { ref: true })
  toWarehouse!: Ref<Warehouse>;

  @Field(() => DecimalScalar)
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  transferredAt!: Date;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
