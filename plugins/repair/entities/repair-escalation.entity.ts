import {
  DateTimeType,
  Entity,
  Enum,
  ManyToOne,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  DateTimeScalar,
  HiddenFromCustomers,
  Node,
  NodeEntity,
  Tenancy,
} from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';

/** State of an escalation to technical support. */
export enum RepairEscalationStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
}

registerEnumType(RepairEscalationStatus, {
  name: 'RepairEscalationStatus',
  description: 'State of an escalation to technical support.',
});

/**
 * A question about a complex fault that a technician escalated to technical support, and its
 * answer.
 *
 * NOTE: a later technical-support module takes escalations over, with its own tickets and
 * knowledge base. Until then this record on the order is the whole escalation, and nothing sets
 * CLOSED yet.
 */
@ObjectType('RepairEscalation', { implements: Node })
@Entity({ tableName: 'repair_escalation' })
@Tenancy({ owner: 'order.customer' })
export class RepairEscalation extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true, index: true })
  order!: Ref<RepairOrder>;

  @Field(() => String)
  @Property({ type: 'text' })
  question!: string;

  @Field(() => RepairEscalationStatus)
  @Enum({ items: () => RepairEscalationStatus, type: 'string' })
  status: Opt<RepairEscalationStatus> = RepairEscalationStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'Null until technical support answers.' })
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the support engineer who answered. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200, nullable: true })
  answeredBy?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  answeredAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the person who escalated. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  askedBy!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  askedAt!: Date;
}
