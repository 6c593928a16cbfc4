import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  DecimalType,
  Department,
  Node,
  NodeEntity,
  Tenancy,
  HiddenFromCustomers,
} from '../../../core/index.js';
import { RepairPlanStatus } from './repair-order.enums.js';
import { RepairOrder } from './repair-order.entity.js';

/** A part the plan replaces. */
@ObjectType('RepairPlanPart')
export class RepairPlanPart {
  @Field(() => String, { description: 'Manufacturer part number, such as "MP-VS-0175".' })
  partNumber!: string;

  @Field(() => String)
  description!: string;

  @Field(() => DecimalScalar, { description: 'Quantity to replace, such as "2" or "1.5".' })
  quantity!: string;
}

/**
 * One revision of a repair plan (维修方案). A rejected plan stays as it was, and the revised plan
 * is a new revision.
 */
@ObjectType('RepairPlan', { implements: Node })
@Entity({ tableName: 'repair_plan' })
@Tenancy({ owner: 'order.customer' })
@Index({ properties: ['order', 'revision'] })
export class RepairPlan extends NodeEntity {
  @ManyToOne(() => RepairOrder, { ref: true })
  order!: Ref<RepairOrder>;

  @Field(() => Int, { description: 'Starts at 1 and grows with each revised plan of the order.' })
  @Property({ type: 'integer' })
  revision!: number;

  @Field(() => RepairPlanStatus)
  @Enum({ items: () => RepairPlanStatus, type: 'string' })
  status!: RepairPlanStatus;

  @Field(() => [String], { description: 'Repair steps in order.' })
  @Property({ type: 'json' })
  steps!: string[];

  @Field(() => [RepairPlanPart], { description: 'Parts to replace; empty when none are needed.' })
  @Property({ type: 'json' })
  parts!: RepairPlanPart[];

  @Field(() => DecimalScalar)
  @Property({ type: new DecimalType(8, 2) })
  estimatedHours!: string;

  @Field(() => Boolean, {
    description: 'Major plans need a review by each listed department before approval.',
  })
  @Property({ type: 'boolean' })
  major!: boolean;

  @Field(() => [Department])
  @Property({ type: 'json' })
  reviewDepartments!: Department[];

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  submittedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Null for customer API keys.' })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  submittedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved or rejected.' })
  @Property({ type: DateTimeType, nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Null before the decision and for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200, nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;
}
