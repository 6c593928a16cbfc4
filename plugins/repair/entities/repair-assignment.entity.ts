import { DateTimeType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, Node, NodeEntity, Staff, Tenancy } from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';

/** A technician dispatched to a repair order (派工). */
@ObjectType('RepairAssignment', { implements: Node })
@Entity({ tableName: 'repair_assignment' })
@Tenancy({ owner: 'order.customer' })
@Index({ properties: ['order', 'technician'] })
export class RepairAssignment extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true })
  order!: Ref<RepairOrder>;

  @ManyToOne(() => Staff, { ref: true })
  technician!: Ref<Staff>;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  assignedAt!: Date;
}
