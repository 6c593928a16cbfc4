import Big from 'big.js';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { defineChildConnection, loadReference, type RequestScope } from '../../../../core/index.js';
import { Part } from '../../entities/part.entity.js';
import { AbcClassificationResult } from '../entities/abc-classification-result.entity.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { AbcResultsArgs } from './abc-classification.input.js';
import { AbcClassCount, AbcClassificationResultConnection } from './abc-classification.types.js';

/** Results of each run in rank order; all runs of a level share one statement. */
const resultsByRun = defineChildConnection({
  key: 'spare-parts.abcResultsByRun',
  entity: AbcClassificationResult,
  parentProperty: 'run',
  sort: { property: 'rank', direction: 'ASC' },
});

function percentage(part: Big.BigSource, whole: Big.BigSource): string {
  const total = new Big(whole);
  return total.eq(0) ? '0.00' : new Big(part).times(100).div(total).toFixed(2);
}

@Resolver(() => AbcClassificationRun)
export class AbcClassificationRunResolver {
  @FieldResolver(() => [AbcClassCount], {
    description: 'Parts and basis per class, A first, each with its share of the whole run.',
  })
  classCounts(@Root() run: AbcClassificationRun): AbcClassCount[] {
    return run.classTotals.map((totals) => ({
      abcClass: totals.abcClass,
      parts: totals.parts,
      partShare: percentage(totals.parts, run.partCount),
      basisTotal: totals.basisTotal,
      basisShare: percentage(totals.basisTotal, run.totalBasis),
    }));
  }

  @FieldResolver(() => AbcClassificationResultConnection, {
    description: 'The classified parts in rank order, optionally of one class.',
  })
  parts(
    @Ctx() scope: RequestScope,
    @Root() run: AbcClassificationRun,
    @Args(() => AbcResultsArgs) args: AbcResultsArgs,
  ) {
    return resultsByRun.page(scope, run.id, args, args.class ? { abcClass: args.class } : {});
  }
}

@Resolver(() => AbcClassificationResult)
export class AbcClassificationResultResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() result: AbcClassificationResult) {
    return loadReference(scope, Part, result.part);
  }

  @FieldResolver(() => AbcClassificationRun)
  run(@Ctx() scope: RequestScope, @Root() result: AbcClassificationResult) {
    return loadReference(scope, AbcClassificationRun, result.run);
  }
}
