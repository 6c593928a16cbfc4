import {
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, Node, NodeEntity, Staff, Tenancy } from '../../../core/index.js';
import { RepairOrder } from '../../repair/index.js';
import { RequisitionStatus } from './spare-parts.enums.js';

/** A requisition (领用申请单): a technician's request for spare parts, approved by a manager. */
@ObjectType('Requisition', { implements: Node })
@Entity({ tableName: 'spare_parts_requisition' })
@Tenancy({ internal: true })
@Index({ properties: ['status', 'createdAt'] })
export class Requisition extends NodeEntity {
  @Field(() => String, { description: 'Unique number, such as "RQ-20261204-482913".' })
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Staff, { ref: true })
  technician!: Ref<Staff>;

  @ManyToOne(() => RepairOrder, { ref: true, nullable: true, index: true })
  repairOrder?: Ref<RepairOrder> | null;

  @Field(() => RequisitionStatus)
  @Enum({ items: () => RequisitionStatus, type: 'string' })
  status: Opt<RequisitionStatus> = RequisitionStatus.DRAFT;

  @Field(() => String, { nullable: true, description: 'Why the parts are needed.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { description: 'Name of the principal who created the requisition.' })
  @Property({ type: 'string', length: 200 })
  requestedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  submittedAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was approved or rejected.' })
  @Property({ type: DateTimeType, nullable: true })
  decidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who approved or rejected it.' })
  @Property({ type: 'string', length: 200, nullable: true })
  decidedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;
}
