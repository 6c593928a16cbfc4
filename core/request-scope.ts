import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import { StatementCounter } from './database/statement-counter.js';
import type { ServicePubSub } from './events/pubsub.js';
import type { LoaderDefinition } from './loaders.js';
import { ANONYMOUS, type Principal } from './security/principal.js';

export { ANONYMOUS, SYSTEM, type Principal } from './security/principal.js';

/** Options of a new scope. */
export interface RequestScopeOptions {
  requestId?: string;
  statements?: StatementCounter;
  /** The service's pub/sub. Scopes built outside a runtime, such as in unit tests, have none. */
  pubSub?: ServicePubSub;
  /**
   * Creates another scope for the same principal, with a fresh EntityManager and loaders. A
   * subscription uses it to read each event, because its own scope lives as long as it does.
   */
  createSibling?: (options?: { requestId?: string }) => RequestScope;
}

/**
 * Everything one GraphQL operation, subscription event or background job works with: its own
 * forked EntityManager, fresh DataLoaders, a logger carrying the request id, and the principal.
 * Services take the scope as their first argument.
 */
export class RequestScope {
  readonly requestId: string;
  readonly logger: Logger;
  readonly statements: StatementCounter;
  private readonly loaders = new Map<string, DataLoader<unknown, unknown, unknown>>();

  constructor(
    readonly em: EntityManager,
    readonly config: AppConfig,
    logger: Logger,
    readonly principal: Principal = ANONYMOUS,
    private readonly options: RequestScopeOptions = {},
  ) {
    this.requestId = options.requestId ?? randomUUID();
    this.statements = options.statements ?? new StatementCounter();
    this.logger = logger.child({ requestId: this.requestId, principal: principal.id });
  }

  /** Returns this request's instance of the loader, creating it on first use. */
  loader<K, V, C = K>(definition: LoaderDefinition<K, V, C>): DataLoader<K, V, C> {
    let loader = this.loaders.get(definition.key);
    if (!loader) {
      loader = definition.create(this) as DataLoader<unknown, unknown, unknown>;
      this.loaders.set(definition.key, loader);
    }
    return loader as unknown as DataLoader<K, V, C>;
  }

  /** The service's pub/sub. Throws in a scope built without a runtime. */
  get pubSub(): ServicePubSub {
    if (!this.options.pubSub)
      throw new Error('This scope has no pub/sub: create it with runtime.createScope');
    return this.options.pubSub;
  }

  /** Creates a scope for the same principal with a fresh EntityManager and fresh loaders. */
  createSibling(options: { requestId?: string } = {}): RequestScope {
    if (!this.options.createSibling) {
      throw new Error('This scope cannot create siblings: create it with runtime.createScope');
    }
    return this.options.createSibling(options);
  }

  /** Whether the database is SQLite, where decimals are stored in their smallest unit. */
  get isSqlite(): boolean {
    return this.config.database.kind === 'sqlite';
  }
}
