import { getNamedType, GraphQLError, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { notFound } from '../api/errors.js';
import { entityById } from '../api/entity-loader.js';
import { fromGlobalId } from '../api/global-id.js';
import { Node } from '../api/node.js';
import { NodeEntity } from '../entities/node-entity.js';
import { Access, checkAccess, type AccessRule } from '../security/access.js';
import type { RequestScope } from '../request-scope.js';

const rulesBySchema = new WeakMap<GraphQLSchema, Map<string, AccessRule[]>>();

/**
 * Returns, per object type, the access rules of the queries that read one record of it by ID,
 * such as `part(id:)` for Part. They are found by shape: a Query field with an `id` argument
 * whose named type is the object type.
 */
function ownQueryRules(schema: GraphQLSchema): Map<string, AccessRule[]> {
  let rules = rulesBySchema.get(schema);
  if (rules) return rules;
  rules = new Map();
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const rule = field.extensions.access as AccessRule | undefined;
    if (field.name === 'node' || !rule || !field.args.some((arg) => arg.name === 'id')) continue;
    const typeName = getNamedType(field.type).name;
    rules.set(typeName, [...(rules.get(typeName) ?? []), rule]);
  }
  rulesBySchema.set(schema, rules);
  return rules;
}

/** Returns whether the principal may call at least one of `rules`; without rules, true. */
function mayRead(scope: RequestScope, rules: AccessRule[], typeName: string): boolean {
  return (
    rules.length === 0 ||
    rules.some((rule) => {
      try {
        checkAccess(scope.principal, rule, 'Query', typeName);
        return true;
      } catch (error) {
        if (error instanceof GraphQLError) return false;
        throw error;
      }
    })
  );
}

@Resolver()
export class NodeResolver {
  /**
   * Resolves a global ID. A type with its own query by ID (such as `part(id:)`) resolves only for
   * principals that query may admit. For others it throws NOT_FOUND like an unknown ID, so that
   * node() neither widens access nor reveals whether the record exists. The tenancy filter then
   * hides the records of other customers as it does for every load.
   */
  @Access({ roles: 'any', customers: true })
  @Query(() => Node, { nullable: true, description: 'Any record by its global ID.' })
  async node(
    @Ctx() scope: RequestScope,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID) id: string,
  ): Promise<NodeEntity> {
    const { typeName, id: key } = fromGlobalId(id, 'id');
    const entity = scope.em.getMetadata().find(typeName)?.class;
    // Only entities that GraphQL exposes as Node resolve; other tables stay unreachable.
    if (!entity || !(entity.prototype instanceof NodeEntity)) throw notFound('Node', 'id', id);
    if (!mayRead(scope, ownQueryRules(info.schema).get(typeName) ?? [], typeName)) {
      throw notFound(typeName, 'id', id);
    }
    const record = await scope
      .loader(entityById(entity as typeof NodeEntity & (new () => NodeEntity)))
      .load(key);
    if (!record) throw notFound(typeName, 'id', id);
    return record;
  }
}
