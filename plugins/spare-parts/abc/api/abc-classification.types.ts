import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType, DecimalScalar } from '../../../../core/index.js';
import { AbcClassificationResult } from '../entities/abc-classification-result.entity.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { AbcClass } from '../entities/abc.enums.js';

export const AbcClassificationRunConnection = connectionType(
  'AbcClassificationRun',
  AbcClassificationRun,
);

export const AbcClassificationResultConnection = connectionType(
  'AbcClassificationResult',
  AbcClassificationResult,
);

/** Size and weight of one class in a run. */
@ObjectType('AbcClassCount')
export class AbcClassCount {
  @Field(() => AbcClass)
  abcClass!: AbcClass;

  @Field(() => Int, { description: 'Parts in the class, after the critical rule.' })
  parts!: number;

  @Field(() => DecimalScalar, {
    description: 'Parts in the class as a percentage of all parts, with two decimals.',
  })
  partShare!: string;

  @Field(() => DecimalScalar, { description: 'Sum of the basis of the class parts.' })
  basisTotal!: string;

  @Field(() => DecimalScalar, {
    description:
      'basisTotal as a percentage of the run total, with two decimals; 0 when the total is 0.',
  })
  basisShare!: string;
}
