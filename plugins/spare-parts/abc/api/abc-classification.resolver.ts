import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  Access,
  ConnectionArgs,
  findPage,
  requireRecord,
  StaffRole,
  type RequestScope,
} from '../../../../core/index.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { runAbcClassification } from '../services/abc-classification.service.js';
import {
  RunAbcClassificationInput,
  RunAbcClassificationPayload,
} from './abc-classification.input.js';
import { AbcClassificationRunConnection } from './abc-classification.types.js';

/** Staff who may run a classification: the after-sales manager and the parts staff. */
export const ABC_RUN_ROLES = [
  StaffRole.SERVICE_MANAGER,
  StaffRole.PARTS_CLERK,
  StaffRole.PARTS_CUSTODIAN,
  StaffRole.PROCUREMENT,
];

@Resolver()
export class AbcClassificationResolver {
  @Access({ roles: ABC_RUN_ROLES })
  @Mutation(() => RunAbcClassificationPayload, {
    description:
      'Classifies every catalogue part into A, B or C and stores the run with its parameters ' +
      'and one result per part.',
  })
  async runAbcClassification(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RunAbcClassificationInput) input: RunAbcClassificationInput,
  ): Promise<RunAbcClassificationPayload> {
    return { run: await runAbcClassification(scope, input) };
  }

  @Access({ roles: 'any' })
  @Query(() => AbcClassificationRun, {
    nullable: true,
    description: 'An ABC classification run by its global ID.',
  })
  abcClassificationRun(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, AbcClassificationRun, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => AbcClassificationRunConnection, {
    description: 'ABC classification runs, newest first.',
  })
  abcClassificationRuns(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
  ) {
    return findPage(
      scope,
      AbcClassificationRun,
      {},
      { property: 'createdAt', direction: 'DESC' },
      page,
    );
  }
}
