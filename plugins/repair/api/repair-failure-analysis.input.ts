import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../core/index.js';
import { RepairOrderType } from '../entities/repair-order.enums.js';
import { FailureGroupBy } from '../services/repair-failure-analysis.service.js';

registerEnumType(FailureGroupBy, {
  name: 'FailureGroupBy',
  description: 'Grouping of the failure analysis: by unit, by model or by a diagnosis tag.',
  valuesConfig: {
    EQUIPMENT_MODEL: { description: 'Model code of the unit, such as "MINING-EXCAVATOR".' },
    EQUIPMENT: { description: 'Serial number of the unit.' },
    SYSTEM: { description: 'Diagnosis tag for the major system, such as "Hydraulic System".' },
    PART: { description: 'Diagnosis tag for the part.' },
    FAILURE_MODE: { description: 'Diagnosis tag for the failure mode, such as "Leak".' },
  },
});

@InputType('RepairFailureAnalysisInput')
export class RepairFailureAnalysisInput {
  @Field(() => FailureGroupBy)
  groupBy!: FailureGroupBy;

  @Field(() => DateTimeScalar, { description: 'Start of the period, inclusive (reportedAt).' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the period, exclusive.' })
  to!: Date;

  @Field(() => [RepairOrderType], {
    nullable: true,
    description: 'Order types to count. All types when omitted or empty.',
  })
  orderTypes?: RepairOrderType[] | null;
}

/** Failure figures of a group or of the whole period. */
@ObjectType('RepairFailureFigures')
export class RepairFailureFigures {
  @Field(() => Int, {
    description: 'Repair orders reported in the period, cancelled ones excluded.',
  })
  failures!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  firstReportedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastReportedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean time between failures in hours: the sum over units of the time from their first to ' +
      'last failure, divided by the sum of (failures - 1). Null when no unit failed twice.',
  })
  meanTimeBetweenFailuresHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean time to repair in hours, from reportedAt to completedAt (else closedAt), over orders ' +
      'that have one. Null when none has, as for imported history.',
  })
  meanTimeToRepairHours!: number | null;
}

@ObjectType('RepairFailureAnalysisRow')
export class RepairFailureAnalysisRow extends RepairFailureFigures {
  @Field(() => String, {
    nullable: true,
    description: 'Serial number, model code or tag of the group. Null groups untagged orders.',
  })
  key!: string | null;
}

@ObjectType('RepairFailureAnalysis')
export class RepairFailureAnalysis {
  @Field(() => [RepairFailureAnalysisRow], {
    description: 'One row per group, most failures first.',
  })
  rows!: RepairFailureAnalysisRow[];

  @Field(() => RepairFailureFigures, { description: 'Figures over all orders of the period.' })
  totals!: RepairFailureFigures;
}
