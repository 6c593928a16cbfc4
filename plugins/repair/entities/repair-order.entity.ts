import {
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  type Ref,
  type Opt,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  Customer,
  DateTimeScalar,
  DecimalType,
  HiddenFromCustomers,
  Tenancy,
  Equipment,
  Money,
  Node,
  NodeEntity,
} from '../../../core/index.js';
import { RepairOrderStatus, RepairOrderType, ReportChannel } from './repair-order.enums.js';

/** Diagnosis tags used for failure analysis: which system and part failed, and how. */
@ObjectType('DiagnosisTags')
export class DiagnosisTags {
  @Field(() => String, { nullable: true, description: 'Major system, such as "Hydraulic System".' })
  system!: string | null;

  @Field(() => String, { nullable: true, description: 'Part, such as "Cylinder_Tilt".' })
  part!: string | null;

  @Field(() => String, { nullable: true, description: 'Failure mode, such as "Leak".' })
  failureMode!: string | null;
}

/** A repair work order (维修工单) for one unit. */
@ObjectType('RepairOrder', { implements: Node })
@Entity({ tableName: 'repair_order' })
@Tenancy({ owner: 'customer' })
@Index({ properties: ['equipment', 'reportedAt'] })
@Index({ properties: ['customer', 'reportedAt'] })
export class RepairOrder extends NodeEntity {
  @Field(() => String, { description: 'Unique order number, such as "RO-20261204-048213".' })
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Equipment, { ref: true })
  equipment!: Ref<Equipment>;

  /** The unit's owner when the fault was reported; tenancy checks rely on it. */
  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @Field(() => DateTimeScalar)
  @Index()
  @Property({ type: DateTimeType })
  reportedAt!: Date;

  @Field(() => ReportChannel, { nullable: true, description: 'Unknown for imported history.' })
  @Enum({ items: () => ReportChannel, type: 'string', nullable: true })
  channel?: ReportChannel | null;

  @Field(() => String)
  @Property({ type: 'text' })
  faultDescription!: string;

  @Field(() => RepairOrderType)
  @Enum({ items: () => RepairOrderType, type: 'string' })
  orderType!: RepairOrderType;

  @Field(() => String, {
    nullable: true,
    description: 'Order type code of the source system, such as SAP "PM01".',
  })
  @Property({ type: 'string', length: 16, nullable: true })
  sourceOrderType?: string | null;

  @Property({ type: new DecimalType(14, 2), nullable: true })
  costAmount?: string | null;

  @Property({ type: 'string', length: 3, nullable: true })
  costCurrency?: string | null;

  @Field(() => RepairOrderStatus)
  @Index()
  @Enum({ items: () => RepairOrderStatus, type: 'string' })
  status: Opt<RepairOrderStatus> = RepairOrderStatus.REPORTED;

  @Property({ type: 'string', length: 200, nullable: true })
  tagSystem?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  tagPart?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  tagFailureMode?: string | null;

  @Field(() => Boolean, { description: 'True for closed orders imported from an earlier system.' })
  @Property({ type: 'boolean' })
  isHistorical: Opt<boolean> = false;

  /** Where an imported order came from, such as "excavator-mwo:line-2"; re-imports skip known ones. */
  @Field(() => String, { nullable: true, description: 'Source record of an imported order.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalRef?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  closedAt?: Date | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Total cost of the order; null for customer API keys.',
  })
  @HiddenFromCustomers()
  get cost(): Money | null {
    return this.costAmount && this.costCurrency
      ? new Money(this.costAmount, this.costCurrency)
      : null;
  }

  @Field(() => DiagnosisTags)
  get diagnosisTags(): Opt<DiagnosisTags> {
    return {
      system: this.tagSystem ?? null,
      part: this.tagPart ?? null,
      failureMode: this.tagFailureMode ?? null,
    };
  }
}
