import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { notFound } from '../api/errors.js';
import { entityById } from '../api/entity-loader.js';
import { fromGlobalId } from '../api/global-id.js';
import { Node } from '../api/node.js';
import { NodeEntity } from '../entities/node-entity.js';
import { Access } from '../security/access.js';
import type { RequestScope } from '../request-scope.js';

@Resolver()
export class NodeResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => Node, { nullable: true, description: 'Any record by its global ID.' })
  async node(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string): Promise<NodeEntity> {
    const { typeName, id: key } = fromGlobalId(id, 'id');
    const entity = scope.em.getMetadata().find(typeName)?.class;
    // Only entities that GraphQL exposes as Node resolve; other tables stay unreachable.
    if (!entity || !(entity.prototype instanceof NodeEntity)) throw notFound('Node', 'id', id);
    const record = await scope
      .loader(entityById(entity as typeof NodeEntity & (new () => NodeEntity)))
      .load(key);
    if (!record) throw notFound(typeName, 'id', id);
    return record;
  }
}
