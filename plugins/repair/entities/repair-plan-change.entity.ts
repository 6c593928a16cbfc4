import { DateTimeType, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  Node,
  NodeEntity,
  Tenancy,
  HiddenFromCustomers,
} from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';

/** A change to the approved plan requested during the repair, and its approval. */
@ObjectType('RepairPlanChange', { implements: Node })
@Entity({ tableName: 'repair_plan_change' })
@Tenancy({ owner: 'order.customer' })
export class RepairPlanChange extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true, index: true })
  order!: Ref<RepairOrder>;

  @Field(() => String)
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, { description: 'What changes in the plan: steps, parts or hours.' })
  @Property({ type: 'text' })
  changes!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  requestedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Null for customer API keys.' })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  requestedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while the request is open.' })
  @Property({ type: DateTimeType, nullable: true })
  approvedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null while open and for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200, nullable: true })
  approvedBy?: string | null;
}
