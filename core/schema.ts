import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { validateArgument } from './api/validation.js';
import { ServicePubSub } from './events/pubsub.js';
import { createLogger } from './logger.js';
import type { ResolverClass, ServicePlugin } from './plugin.js';
import { CORE_RESOLVERS } from './resolvers/index.js';
import { assertAccessDeclared, hideFieldsFromCustomers } from './security/access.js';

/**
 * Composes the GraphQL schema from the core resolvers and those of the enabled plugins.
 * NOTE: type-graphql attaches a plugin's fields on core types to process-wide metadata, so build
 * one schema per process. A second build with fewer plugins would keep the first build's fields.
 */
export async function buildServiceSchema(
  plugins: ServicePlugin[],
  // Printing the schema needs no live pub/sub: type-graphql only requires one to be present.
  pubSub: ServicePubSub = ServicePubSub.inProcess(createLogger('silent')),
): Promise<GraphQLSchema> {
  const resolvers = [...CORE_RESOLVERS, ...plugins.flatMap((plugin) => plugin.resolvers ?? [])];
  const schema = await buildSchema({
    resolvers: resolvers as unknown as NonEmptyArray<ResolverClass>,
    orphanedTypes: plugins.flatMap((plugin) => plugin.orphanedTypes ?? []),
    validateFn: validateArgument,
    pubSub: pubSub.engine,
    emitSchemaFile: false,
  });
  assertAccessDeclared(schema);
  hideFieldsFromCustomers(schema);
  return schema;
}

/** Prints the schema in a stable order, as committed in schema/schema.graphql. */
export function printServiceSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
