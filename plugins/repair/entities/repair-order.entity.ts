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
  DerivedFrom,
  HiddenFromCustomers,
  Tenancy,
  Equipment,
  Money,
  Node,
  NodeEntity,
} from '../../../core/index.js';
import {
  RepairOrderStatus,
  RepairOrderType,
  RepairUrgency,
  ReportChannel,
} from './repair-order.enums.js';

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

/** A technician's findings on site: phenomenon, cause, affected component and method. */
@ObjectType('RepairDiagnosis')
export class RepairDiagnosis {
  @Field(() => String, { description: 'Fault phenomenon as observed (故障现象).' })
  phenomenon!: string;

  @Field(() => String, { description: 'Root cause (故障原因).' })
  cause!: string;

  @Field(() => String, { description: 'Affected component, such as "fluid end valve seat".' })
  component!: string;

  @Field(() => String, { description: 'How the cause was found, such as "pressure test".' })
  method!: string;

  @Field(() => DateTimeScalar)
  diagnosedAt!: Date;
}

/** The customer's sign-off on a completed repair. */
@ObjectType('RepairAcceptance')
export class RepairAcceptance {
  @Field(() => String)
  signerName!: string;

  @Field(() => DateTimeScalar)
  signedAt!: Date;
}

/** Returns whether a step due at `dueAt` is late: done after it, or still open after it. */
function isLate(dueAt: Date | null | undefined, doneAt: Date | null | undefined): boolean {
  if (!dueAt) return false;
  return (doneAt ?? new Date()).getTime() > dueAt.getTime();
}

/** A repair work order (维修工单) for one unit. */
@ObjectType('RepairOrder', { implements: Node })
@Entity({ tableName: 'repair_order' })
@Tenancy({ owner: 'customer' })
@Index({ properties: ['equipment', 'reportedAt', 'id'] })
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

  /** Source of an imported order, such as "excavator-mwo:line-2"; re-imports skip known ones. */
  @Field(() => String, { nullable: true, description: 'Source record of an imported order.' })
  @Property({ type: 'string', length: 100, nullable: true, unique: true })
  externalRef?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  closedAt?: Date | null;

  @Field(() => RepairUrgency)
  @Enum({ items: () => RepairUrgency, type: 'string', default: RepairUrgency.NORMAL })
  urgency: Opt<RepairUrgency> = RepairUrgency.NORMAL;

  @Field(() => String, { nullable: true, description: 'Person on site to call.' })
  @Property({ type: 'string', length: 200, nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Location of the unit, such as a well name or directions.',
  })
  @Property({ type: 'string', length: 500, nullable: true })
  location?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Latest time to dispatch a technician; null for imported history.',
  })
  @Property({ type: DateTimeType, nullable: true })
  dispatchDueAt?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Latest time for a technician to arrive on site; null for imported history.',
  })
  @Property({ type: DateTimeType, nullable: true })
  arrivalDueAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  dispatchedAt?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a technician arrived on site.',
  })
  @Property({ type: DateTimeType, nullable: true })
  arrivedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  diagnosisPhenomenon?: string | null;

  @Property({ type: 'text', nullable: true })
  diagnosisCause?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  diagnosisComponent?: string | null;

  @Property({ type: 'text', nullable: true })
  diagnosisMethod?: string | null;

  @Property({ type: DateTimeType, nullable: true })
  diagnosedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Results of commissioning after the repair, recorded when the repair completes.',
  })
  @Property({ type: 'text', nullable: true })
  commissioningResults?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  acceptanceSignerName?: string | null;

  @Property({ type: DateTimeType, nullable: true })
  acceptanceSignedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancellationReason?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  cancelledAt?: Date | null;

  @Field(() => Boolean, {
    description:
      'Whether dispatch came, or is still due, after its deadline. False without a deadline.',
  })
  @DerivedFrom('dispatchDueAt', 'dispatchedAt', 'cancelledAt')
  get dispatchOverdue(): Opt<boolean> {
    return isLate(this.dispatchDueAt, this.dispatchedAt ?? this.cancelledAt);
  }

  @Field(() => Boolean, {
    description:
      'Whether arrival on site came, or is still due, after its deadline. False without a deadline.',
  })
  @DerivedFrom('arrivalDueAt', 'arrivedAt', 'cancelledAt')
  get arrivalOverdue(): Opt<boolean> {
    return isLate(this.arrivalDueAt, this.arrivedAt ?? this.cancelledAt);
  }

  @Field(() => RepairDiagnosis, { nullable: true, description: 'Null until diagnosed.' })
  @DerivedFrom(
    'diagnosedAt',
    'diagnosisPhenomenon',
    'diagnosisCause',
    'diagnosisComponent',
    'diagnosisMethod',
  )
  get diagnosis(): Opt<RepairDiagnosis> | null {
    if (!this.diagnosedAt) return null;
    return {
      phenomenon: this.diagnosisPhenomenon ?? '',
      cause: this.diagnosisCause ?? '',
      component: this.diagnosisComponent ?? '',
      method: this.diagnosisMethod ?? '',
      diagnosedAt: this.diagnosedAt,
    };
  }

  @Field(() => RepairAcceptance, { nullable: true, description: 'Null until the customer signs.' })
  @DerivedFrom('acceptanceSignedAt', 'acceptanceSignerName')
  get acceptance(): Opt<RepairAcceptance> | null {
    if (!this.acceptanceSignedAt) return null;
    return { signerName: this.acceptanceSignerName ?? '', signedAt: this.acceptanceSignedAt };
  }

  @Field(() => Money, {
    nullable: true,
    description: 'Total cost of the order; null for customer API keys.',
  })
  @HiddenFromCustomers()
  @DerivedFrom('costAmount', 'costCurrency')
  get cost(): Money | null {
    return this.costAmount && this.costCurrency
      ? new Money(this.costAmount, this.costCurrency)
      : null;
  }

  @Field(() => DiagnosisTags)
  @DerivedFrom('tagSystem', 'tagPart', 'tagFailureMode')
  get diagnosisTags(): Opt<DiagnosisTags> {
    return {
      system: this.tagSystem ?? null,
      part: this.tagPart ?? null,
      failureMode: this.tagFailureMode ?? null,
    };
  }
}
