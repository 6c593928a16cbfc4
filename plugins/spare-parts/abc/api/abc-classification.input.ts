import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, DateTimeScalar, DecimalScalar } from '../../../../core/index.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { AbcBasis, AbcClass } from '../entities/abc.enums.js';

/** Defaults of a classification: value over the trailing 12 months, A to 80 %, B to 95 %. */
export const ABC_DEFAULTS = {
  basis: AbcBasis.VALUE,
  windowMonths: 12,
  thresholdA: '80',
  thresholdB: '95',
  criticalMinimumClass: AbcClass.B,
} as const;

@InputType('RunAbcClassificationInput', {
  description:
    'Parameters of an ABC classification. The window is the 12 months before classifiedAt ' +
    'unless windowMonths, windowStart and windowEnd, or allMonths say otherwise.',
})
export class RunAbcClassificationInput {
  @Field(() => AbcBasis, { nullable: true, description: 'What to rank by. Default VALUE.' })
  basis?: AbcBasis | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Classification date. Default now. The default window ends here.',
  })
  classifiedAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Length of the trailing window in calendar months, 1 to 600. Default 12.',
  })
  windowMonths?: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Start of the window, inclusive. Excludes windowMonths.',
  })
  windowStart?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'End of the window, exclusive. Default classifiedAt.',
  })
  windowEnd?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Read the whole ledger, with no window. Excludes the window fields.',
  })
  allMonths?: boolean | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Highest cumulative share of class A in percent, above 0. Default "80".',
  })
  thresholdA?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Highest cumulative share of class B in percent, above thresholdA and at most 100. Default "95".',
  })
  thresholdB?: string | null;

  @Field(() => AbcClass, {
    nullable: true,
    description:
      'Lowest class of a critical part. Default B; A raises critical parts to A; C ignores the ' +
      'critical flag.',
  })
  criticalMinimumClass?: AbcClass | null;
}

@ObjectType('RunAbcClassificationPayload')
export class RunAbcClassificationPayload {
  @Field(() => AbcClassificationRun)
  run!: AbcClassificationRun;
}

/** Arguments of `AbcClassificationRun.parts`. */
@ArgsType()
export class AbcResultsArgs extends ConnectionArgs {
  @Field(() => AbcClass, { nullable: true, description: 'Only parts of this class.' })
  class?: AbcClass | null;
}
