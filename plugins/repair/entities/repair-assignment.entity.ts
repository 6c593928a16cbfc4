import { DateTimeType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  Node,
  NodeEntity,
  Staff,
  TENANT_FILTER,
  Tenancy,
} from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';

/** A technician dispatched to a repair order (派工). */
@ObjectType('RepairAssignment', { implements: Node })
@Entity({ tableName: 'repair_assignment' })
@Tenancy({ owner: 'order.customer' })
@Index({ properties: ['order', 'technician'] })
export class RepairAssignment extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true })
  order!: Ref<RepairOrder>;

  // Staff records are internal, and the ORM would otherwise drop the whole row for customer keys
  // when it joins the technician to apply the tenant filter. The row is the order's own record.
  @ManyToOne(() => Staff, { ref: true, filters: { [TENANT_FILTER]: false } })
  technician!: Ref<Staff>;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  assignedAt!: Date;
}
