import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import { openDatabase } from './database/orm.js';
import { countStatements, StatementCounter } from './database/statement-counter.js';
import { createDemoKeys } from './demo/demo-keys.js';
import { ServicePubSub } from './events/pubsub.js';
import { seedCoreDemoData } from './demo/seed.js';
import { CORE_ENTITIES } from './entities/index.js';
import { Customer } from './entities/customer.entity.js';
import { StaffRole } from './entities/enums.js';
import { createLogger } from './logger.js';
import { CORE_MIGRATIONS } from './migrations/index.js';
import type { ServicePlugin } from './plugin.js';
import { checkPluginNamespaces, resolvePlugins } from './plugin-registry.js';
import { ANONYMOUS, RequestScope, SYSTEM, type Principal } from './request-scope.js';
import { buildServiceSchema } from './schema.js';
import { ensureBootstrapAdmin } from './security/api-keys.js';
import { Authenticator } from './security/authenticator.js';
import { createRateLimiter, type RateLimiter } from './security/rate-limit.js';
import {
  assertTenancyDeclared,
  TENANT_FILTER,
  type TenantFilterParams,
} from './security/tenancy.js';

/** Runtime of the service: the open database, the composed schema and the enabled plugins. */
export class ServiceRuntime {
  constructor(
    readonly config: AppConfig,
    readonly logger: Logger,
    readonly orm: MikroORM,
    readonly schema: GraphQLSchema,
    readonly plugins: ServicePlugin[],
    /** Pub/sub for subscriptions: in process, or through Redis when `redisUrl` is set. */
    readonly pubSub: ServicePubSub,
  ) {
    this.authenticator = new Authenticator(orm, config, logger.child({ component: 'auth' }));
    this.rateLimiter = createRateLimiter(config, logger.child({ component: 'rate-limit' }));
  }

  readonly authenticator: Authenticator;
  /** Token buckets per caller; undefined when rate limiting is off. */
  readonly rateLimiter: RateLimiter | undefined;

  /** Creates a scope with its own EntityManager and loaders, for a request, an event or a job. */
  createScope(
    principal: Principal = ANONYMOUS,
    options: { requestId?: string; statements?: StatementCounter } = {},
  ): RequestScope {
    const em = this.orm.em.fork({ clear: true, useContext: false });
    // Every query of this scope is limited to the principal's customer, if it has one.
    em.setFilterParams(TENANT_FILTER, {
      customerId: principal.customerId ?? null,
      admin: !principal.customerId && principal.roles.includes(StaffRole.ADMIN),
    } satisfies TenantFilterParams);
    const requestId = options.requestId ?? randomUUID();
    // The audit trail reads who acts, and for which request, from this context.
    em.setLoggerContext({ principal: principal.id, principalName: principal.name, requestId });
    return new RequestScope(em, this.config, this.logger, principal, {
      ...options,
      requestId,
      pubSub: this.pubSub,
      createSibling: (siblingOptions) => this.createScope(principal, siblingOptions),
    });
  }

  /** Runs `work` in a fresh system scope, counting its statements. */
  async runAsSystem<T>(work: (scope: RequestScope) => Promise<T>): Promise<T> {
    const scope = this.createScope(SYSTEM);
    return countStatements(scope.statements, () => work(scope));
  }

  /** Stops the plugin jobs, closes the Redis connections and then the database. */
  async close(): Promise<void> {
    for (const timer of this.jobTimers) clearInterval(timer);
    this.jobTimers.length = 0;
    try {
      await Promise.all([this.rateLimiter?.close(), this.pubSub.close()]);
    } finally {
      await this.orm.close(true);
    }
  }

  private readonly jobTimers: NodeJS.Timeout[] = [];

  /**
   * Starts the periodic jobs of the enabled plugins. Each run gets a fresh system scope. A failed
   * run is logged, and the job runs again at its next interval.
   */
  startJobs(): void {
    for (const plugin of this.plugins) {
      for (const job of plugin.jobs ?? []) {
        const timer = setInterval(() => {
          this.runAsSystem((scope) => job.run(scope)).catch((error: unknown) => {
            this.logger.error({ err: error, plugin: plugin.id, job: job.name }, 'job failed');
          });
        }, job.intervalMs);
        // A job timer alone never keeps the process running.
        timer.unref();
        this.jobTimers.push(timer);
      }
    }
  }
}

/**
 * Opens the database with the core and the enabled plugins, brings the schema up to date, composes
 * the GraphQL schema and, when configured, loads demo data into an empty database.
 */
export async function createRuntime(options: {
  config: AppConfig;
  plugins: ServicePlugin[];
  logger?: Logger;
}): Promise<ServiceRuntime> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const plugins = resolvePlugins(options.plugins, config.plugins);
  const orm = await openDatabase({
    database: config.database,
    entities: [...CORE_ENTITIES, ...plugins.flatMap((plugin) => plugin.entities ?? [])],
    migrations: [...CORE_MIGRATIONS, ...plugins.flatMap((plugin) => plugin.migrations ?? [])],
    logger: logger.child({ component: 'orm' }),
    logQueries: config.logLevel === 'debug' || config.logLevel === 'trace',
    verify: (discovered) => {
      checkPluginNamespaces(plugins, discovered.getMetadata());
      assertTenancyDeclared(Object.values(discovered.getMetadata().getAll()));
    },
  });
  let runtime: ServiceRuntime | undefined;
  const pubSubLogger = logger.child({ component: 'pubsub' });
  const pubSub = config.redisUrl
    ? ServicePubSub.redis(config.redisUrl, pubSubLogger, config.pubSubChannelPrefix)
    : ServicePubSub.inProcess(pubSubLogger);
  try {
    const schema = await buildServiceSchema(plugins, pubSub);
    runtime = new ServiceRuntime(config, logger, orm, schema, plugins, pubSub);
    // Jobs first: a plugin that reads its settings for them fails before any data is written.
    runtime.startJobs();
    if (config.bootstrapAdminApiKey) {
      await runtime.runAsSystem((scope) =>
        ensureBootstrapAdmin(scope, config.bootstrapAdminApiKey!),
      );
    }
    if (config.demoData) await loadDemoData(runtime);
    logger.info(
      { plugins: plugins.map((plugin) => plugin.id), database: config.database.kind },
      'runtime ready',
    );
    return runtime;
  } catch (error) {
    // The runtime owns a Redis connection once it exists, which would keep the process alive.
    if (runtime) await runtime.close();
    else await Promise.all([orm.close(true), pubSub.close()]);
    throw error;
  }
}

/** Seeds the core and then each plugin in dependency order, only into a database with no customers. */
async function loadDemoData(runtime: ServiceRuntime): Promise<void> {
  const empty = await runtime.runAsSystem(async (scope) => (await scope.em.count(Customer)) === 0);
  if (!empty) return;
  runtime.logger.info('loading demo data into the empty database');
  await runtime.runAsSystem((scope) => seedCoreDemoData(scope));
  for (const plugin of runtime.plugins) {
    if (!plugin.seed) continue;
    await runtime.runAsSystem((scope) => plugin.seed!(scope));
    runtime.logger.info({ plugin: plugin.id }, 'demo data loaded');
  }
  // The demo keys are public knowledge, so a production process never creates them.
  if (runtime.config.environment !== 'production') await runtime.runAsSystem(createDemoKeys);
}
