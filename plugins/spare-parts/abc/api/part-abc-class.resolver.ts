import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HiddenFromCustomers, type RequestScope } from '../../../../core/index.js';
import { Part } from '../../entities/part.entity.js';
import { AbcClass } from '../entities/abc.enums.js';
import { latestAbcClassByPart } from '../loaders/latest-abc-class.loader.js';

@Resolver(() => Part)
export class PartAbcClassResolver {
  @FieldResolver(() => AbcClass, {
    nullable: true,
    description:
      'Class in the most recent ABC classification run; null when no run classified the part, ' +
      'and for customer API keys.',
  })
  @HiddenFromCustomers()
  abcClass(@Ctx() scope: RequestScope, @Root() part: Part): Promise<AbcClass | null> {
    return scope.loader(latestAbcClassByPart).load(part.id);
  }
}
