import { DateTimeType, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  Department,
  Node,
  NodeEntity,
  Tenancy,
  HiddenFromCustomers,
} from '../../../core/index.js';
import { RepairPlan } from './repair-plan.entity.js';

/** One department's review of a major repair plan (会审). */
@ObjectType('RepairPlanReview', { implements: Node })
@Entity({ tableName: 'repair_plan_review' })
@Tenancy({ owner: 'plan.order.customer' })
export class RepairPlanReview extends NodeEntity {
  @ManyToOne(() => RepairPlan, { ref: true, index: true })
  plan!: Ref<RepairPlan>;

  @Field(() => Department)
  @Enum({ items: () => Department, type: 'string' })
  department!: Department;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the reviewer. Null for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200 })
  reviewer!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  approved!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType })
  reviewedAt!: Date;
}
