import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType, DecimalScalar } from '../../../../core/index.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { AbcClass } from '../entities/abc.enums.js';

@InputType('AbcReorderSuggestionsInput', {
  description:
    'Months of average demand to keep in stock per class, on top of the part safety stock.',
})
export class AbcReorderSuggestionsInput {
  @Field(() => ID, { nullable: true, description: 'Run to use. Default the most recent run.' })
  runId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cover of class A. Default "1".' })
  coverMonthsA?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cover of class B. Default "2".' })
  coverMonthsB?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cover of class C. Default "3".' })
  coverMonthsC?: string | null;

  @Field(() => AbcClass, { nullable: true, description: 'Only parts of this class.' })
  abcClass?: AbcClass | null;
}

/** A part whose stock is below its target, with the quantity to order and how it was found. */
@ObjectType('AbcReorderSuggestion')
export class AbcReorderSuggestion {
  /** Key of the part's result in the run; the connection cursor uses it with the rank. */
  id!: string;
  /** Key of the part, for the `part` field. */
  partId!: string;

  @Field(() => AbcClass)
  abcClass!: AbcClass;

  @Field(() => Int, { description: 'Rank of the part in the run.' })
  rank!: number;

  @Field(() => DecimalScalar, {
    description: 'Net issued quantity of the run window divided by its length in months.',
  })
  averageMonthlyDemand!: string;

  @Field(() => DecimalScalar, { description: 'Months of demand the class keeps in stock.' })
  coverMonths!: string;

  @Field(() => DecimalScalar, { description: 'Safety stock of the part.' })
  safetyStock!: string;

  @Field(() => DecimalScalar, {
    description: 'averageMonthlyDemand × coverMonths + safetyStock: the stock to hold.',
  })
  targetStock!: string;

  @Field(() => DecimalScalar, { description: 'On hand over all warehouses, from the ledger.' })
  onHand!: string;

  @Field(() => DecimalScalar, {
    description: 'targetStock − onHand, rounded up to whole units.',
  })
  suggestedQuantity!: string;
}

export const AbcReorderSuggestionConnection = connectionType(
  'AbcReorderSuggestion',
  AbcReorderSuggestion,
);

@InputType('AbcCycleCountPlanInput', {
  description: 'Months between two counts of a part, per class.',
})
export class AbcCycleCountPlanInput {
  @Field(() => ID, { nullable: true, description: 'Run to use. Default the most recent run.' })
  runId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Class A, 1 to 120. Default 3 (quarterly).' })
  intervalMonthsA?: number | null;

  @Field(() => Int, { nullable: true, description: 'Class B. Default 6 (twice a year).' })
  intervalMonthsB?: number | null;

  @Field(() => Int, { nullable: true, description: 'Class C. Default 12 (yearly).' })
  intervalMonthsC?: number | null;
}

@ObjectType('AbcCycleCountClass')
export class AbcCycleCountClass {
  @Field(() => AbcClass)
  abcClass!: AbcClass;

  @Field(() => Int, { description: 'Months between two counts of a part of the class.' })
  intervalMonths!: number;

  @Field(() => Int, { description: 'Parts of the class in the run.' })
  parts!: number;

  @Field(() => DecimalScalar, {
    description: 'Counts a year: parts × 12 / intervalMonths, with two decimals.',
  })
  countsPerYear!: string;

  @Field(() => Int, {
    description: 'Parts to count each month to cover the class once per interval, rounded up.',
  })
  partsPerMonth!: number;
}

@ObjectType('AbcCycleCountPlan', {
  description: 'How often each class is counted (循环盘点), from the classes of a run.',
})
export class AbcCycleCountPlan {
  @Field(() => AbcClassificationRun)
  run!: AbcClassificationRun;

  @Field(() => [AbcCycleCountClass], { description: 'One entry per class, A first.' })
  classes!: AbcCycleCountClass[];

  @Field(() => DecimalScalar, { description: 'Counts a year over all classes.' })
  countsPerYear!: string;

  @Field(() => Int, { description: 'Parts to count each month over all classes.' })
  partsPerMonth!: number;
}
