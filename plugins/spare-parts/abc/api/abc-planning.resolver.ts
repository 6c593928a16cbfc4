import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access, ConnectionArgs, entityById, type RequestScope } from '../../../../core/index.js';
import { Part } from '../../entities/part.entity.js';
import { planAbcCycleCounts, suggestAbcReorders } from '../services/abc-planning.service.js';
import {
  AbcCycleCountPlan,
  AbcCycleCountPlanInput,
  AbcReorderSuggestion,
  AbcReorderSuggestionConnection,
  AbcReorderSuggestionsInput,
} from './abc-planning.input.js';

@Resolver()
export class AbcPlanningResolver {
  @Access({ roles: 'any' })
  @Query(() => AbcReorderSuggestionConnection, {
    description:
      'Parts of an ABC run whose on-hand stock is below average monthly demand × the cover ' +
      'months of their class + safety stock, in rank order, with the quantity to order.',
  })
  abcReorderSuggestions(
    @Ctx() scope: RequestScope,
    @Arg('input', () => AbcReorderSuggestionsInput, { nullable: true })
    input: AbcReorderSuggestionsInput | null,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ) {
    return suggestAbcReorders(scope, input ?? {}, page);
  }

  @Access({ roles: 'any' })
  @Query(() => AbcCycleCountPlan, {
    description: 'Cycle-count frequency and monthly workload per class of an ABC run.',
  })
  abcCycleCountPlan(
    @Ctx() scope: RequestScope,
    @Arg('input', () => AbcCycleCountPlanInput, { nullable: true })
    input: AbcCycleCountPlanInput | null,
  ) {
    return planAbcCycleCounts(scope, input ?? {});
  }
}

@Resolver(() => AbcReorderSuggestion)
export class AbcReorderSuggestionResolver {
  @FieldResolver(() => Part)
  async part(@Ctx() scope: RequestScope, @Root() suggestion: AbcReorderSuggestion) {
    // The suggestion carries the part's key, not a reference, so the batched loader reads it.
    return (await scope.loader(entityById(Part)).load(suggestion.partId)) ?? null;
  }
}
