import { DateTimeType, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  DecimalType,
  LocalDateScalar,
  Node,
  NodeEntity,
  Staff,
  TENANT_FILTER,
  Tenancy,
  HiddenFromCustomers,
} from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';

/** Hours one technician worked on a repair order on one day (工时). */
@ObjectType('RepairLabourEntry', { implements: Node })
@Entity({ tableName: 'repair_labour_entry' })
@Tenancy({ owner: 'order.customer' })
export class RepairLabourEntry extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true, index: true })
  order!: Ref<RepairOrder>;

  // Staff records are internal, and the ORM would otherwise drop the whole row for customer keys
  // when it joins the technician to apply the tenant filter. The row is the order's own record.
  @ManyToOne(() => Staff, { ref: true, filters: { [TENANT_FILTER]: false } })
  technician!: Ref<Staff>;

  @Field(() => DecimalScalar, { description: 'Hours worked, such as "7.50".' })
  @Property({ type: new DecimalType(8, 2) })
  hours!: string;

  @Field(() => LocalDateScalar, { description: 'Day the work was done.' })
  @Property({ type: 'date' })
  workedOn!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  recordedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the principal who recorded the entry. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  recordedBy!: string;
}
