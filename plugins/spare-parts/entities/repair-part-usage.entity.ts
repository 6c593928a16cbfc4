import { DateTimeType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  HiddenFromCustomers,
  LocalDateScalar,
  Node,
  NodeEntity,
  Tenancy,
} from '../../../core/index.js';
import { RepairOrder } from '../../repair/index.js';
import { Part } from './part.entity.js';
import { RequisitionLine } from './requisition-line.entity.js';
import { OldPartDisposition } from './spare-parts.enums.js';
import { quantityType } from './spare-parts.decimals.js';

/**
 * A spare part fitted on a repair order, taken from stock issued on a requisition line, and what
 * happened to the part it replaced.
 */
@ObjectType('RepairPartUsage', { implements: Node })
@Entity({ tableName: 'spare_parts_repair_part_usage' })
@Tenancy({ owner: 'repairOrder.customer' })
export class RepairPartUsage extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true, index: true })
  repairOrder!: Ref<RepairOrder>;

  // Always set. It is nullable because the ORM inner-joins required relations to apply their
  // tenant filter, and requisition lines are internal: a customer key would lose the whole row.
  @ManyToOne(() => RequisitionLine, { ref: true, index: true, nullable: true })
  requisitionLine!: Ref<RequisitionLine>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => DecimalScalar)
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => String, { nullable: true, description: 'Serial or batch number of the new part.' })
  @Property({ type: 'string', length: 100, nullable: true })
  serialOrBatch?: string | null;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  fittedAt!: Date;

  @Field(() => OldPartDisposition, {
    nullable: true,
    description: 'What happened to the replaced part; null until recorded.',
  })
  @Enum({ items: () => OldPartDisposition, type: 'string', nullable: true })
  oldPartDisposition?: OldPartDisposition | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day the disposition happened.' })
  @Property({ type: 'date', nullable: true })
  oldPartDispositionOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  oldPartNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Null for customer API keys.' })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;
}
