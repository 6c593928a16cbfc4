import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { RequestScope } from './request-scope.js';

/** A type-graphql resolver class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverClass = Function;

/**
 * A business module that the core loads at startup.
 *
 * The plugin id namespaces everything the plugin declares: its tables start with the id in
 * snake case (`spare_parts_` for `spare-parts`), its pub/sub topics and loader keys with
 * `<id>.`, and its error codes with the id in upper snake case. The core checks table and topic
 * names at startup and refuses to start when they break the rule.
 */
export interface ServicePlugin {
  /** Kebab-case identifier, unique among the enabled plugins. */
  id: string;
  /** Ids of the plugins this one builds on. They start first and must be enabled. */
  requires?: string[];
  /** MikroORM entity classes, listed explicitly (folder globs do not work under vitest). */
  entities?: EntityClass<object>[];
  /** PostgreSQL migrations, applied in the order of the sorted plugins. Names must be unique. */
  migrations?: MigrationObject[];
  /**
   * type-graphql resolvers, including field resolvers on types owned by the core or by a required
   * plugin. A disabled plugin's resolvers are not passed to the schema, so it leaves no trace.
   */
  resolvers?: ResolverClass[];
  /** Object types the schema must include although no resolver returns them directly. */
  orphanedTypes?: ResolverClass[];
  /** Pub/sub topics this plugin publishes, each `<id>.<camelCaseName>`. */
  topics?: string[];
  /** Periodic background jobs, such as deleting expired records. */
  jobs?: PluginJob[];
  /** Loads demo records into an empty database; runs after the seeds of the required plugins. */
  seed?: (scope: RequestScope) => Promise<void>;
}

/** A task the runtime runs every `intervalMs` in a fresh system scope, until it closes. */
export interface PluginJob {
  /** Name for logs, such as `deleteExpiredEvents`. */
  name: string;
  intervalMs: number;
  run: (scope: RequestScope) => Promise<void>;
}

/** Identity helper that gives a plugin object its type where it is declared. */
export function definePlugin(plugin: ServicePlugin): ServicePlugin {
  return plugin;
}
