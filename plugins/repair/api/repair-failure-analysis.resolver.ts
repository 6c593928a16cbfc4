import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Access, type RequestScope } from '../../../core/index.js';
import { analyseRepairFailures } from '../services/repair-failure-analysis.service.js';
import {
  RepairFailureAnalysis,
  RepairFailureAnalysisInput,
} from './repair-failure-analysis.input.js';

/** Failure counts, MTBF and MTTR of repair orders, grouped by unit, model or diagnosis tag. */
@Resolver()
export class RepairFailureAnalysisResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => RepairFailureAnalysis, {
    description:
      'Failure counts, MTBF and MTTR over a period, per group. Customer API keys count only ' +
      'their own orders.',
  })
  repairFailureAnalysis(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RepairFailureAnalysisInput) input: RepairFailureAnalysisInput,
  ): Promise<RepairFailureAnalysis> {
    return analyseRepairFailures(scope, input);
  }
}
