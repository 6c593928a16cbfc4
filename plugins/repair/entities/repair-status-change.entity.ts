import { DateTimeType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  Node,
  NodeEntity,
  Tenancy,
  HiddenFromCustomers,
} from '../../../core/index.js';
import { RepairOrderStatus } from './repair-order.enums.js';
import { RepairOrder } from './repair-order.entity.js';

/** One step of a repair order through the workflow: who moved it from which state to which. */
@ObjectType('RepairStatusChange', { implements: Node })
@Entity({ tableName: 'repair_status_change' })
@Tenancy({ owner: 'order.customer' })
export class RepairStatusChange extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true, index: true })
  order!: Ref<RepairOrder>;

  @Field(() => String, { description: 'The workflow action, such as "dispatch".' })
  @Property({ type: 'string', length: 50 })
  action!: string;

  @Field(() => RepairOrderStatus)
  @Enum({ items: () => RepairOrderStatus, type: 'string' })
  fromStatus!: RepairOrderStatus;

  @Field(() => RepairOrderStatus)
  @Enum({ items: () => RepairOrderStatus, type: 'string' })
  toStatus!: RepairOrderStatus;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  changedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'ID of the principal who made the change. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  principalId!: string;

  @Field(() => String, { nullable: true, description: 'Null for customer API keys.' })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  principalName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Reason given for a rejection, objection, plan change or cancellation.',
  })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
