import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { AppConfig } from '../../core/config.js';
import { countStatements } from '../../core/database/statement-counter.js';
import { StaffRole } from '../../core/entities/enums.js';
import { createLogger } from '../../core/logger.js';
import { ApiScope, type Principal } from '../../core/security/principal.js';
import { createRuntime, type ServiceRuntime } from '../../core/runtime.js';
import { startServer, type RunningServer } from '../../core/server.js';
import { AVAILABLE_PLUGINS } from '../../app/plugins.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A service on its own database, reachable in process and over real HTTP and WebSocket. */
export interface TestService {
  runtime: ServiceRuntime;
  server: RunningServer;
  /** Sends a GraphQL operation over HTTP and returns the parsed response body. */
  http<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { key?: string | null },
  ): Promise<ExecutionResult<T>>;
  /**
   * Runs an operation in process as `principal` (the test admin when omitted) and returns its
   * result and the SQL statements it issued.
   */
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    principal?: Principal,
  ): Promise<{ result: ExecutionResult<T>; statements: number }>;
  close(): Promise<void>;
}

/** Key of the admin API client every test service has, sent by `http` unless a test passes another. */
export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

/** Staff admin principal used by `run` unless a test passes another. */
export const TEST_ADMIN: Principal = {
  kind: 'staff',
  id: 'staff:test-admin',
  name: 'test admin',
  roles: [StaffRole.ADMIN],
  scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
};

export interface TestServiceOptions {
  demoData?: boolean;
  /** Settings that replace the test defaults, such as `jwt` or `bootstrapAdminApiKey`. */
  config?: Partial<Omit<AppConfig, 'database'>>;
  /**
   * Database of another test service, to run a second instance on the same data. The service
   * that created the database drops it; this one leaves it in place when it closes.
   */
  sharedDatabase?: AppConfig['database'];
  /** Options of the server, such as a shorter interval between credential checks. */
  server?: Parameters<typeof startServer>[3];
}

export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const database: TestDatabase = options.sharedDatabase
    ? { config: options.sharedDatabase, drop: async () => undefined }
    : await createTestDatabase();
  const config: AppConfig = {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database: database.config,
    logLevel: 'warn',
    demoData: options.demoData ?? false,
    plugins: 'all',
    jwt: {},
    bootstrapAdminApiKey: TEST_ADMIN_KEY,
    // The defaults of loadConfig, with buckets in process memory so that services share none.
    rateLimit: { enabled: true, capacity: 300, refillPerSecond: 10, keyPrefix: 'rate-limit:' },
    ...options.config,
  };
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('error'),
  });
  const server = await startServer(runtime, 0, '127.0.0.1', options.server);

  return {
    runtime,
    server,
    async http(query, variables, options: { key?: string | null } = {}) {
      const key = options.key === undefined ? TEST_ADMIN_KEY : options.key;
      const response = await fetch(server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    async run(query, variables, principal = TEST_ADMIN) {
      const scope = runtime.createScope(principal);
      const result = await countStatements(scope.statements, () =>
        execute({
          schema: runtime.schema,
          document: parse(query),
          variableValues: variables,
          contextValue: scope,
        }),
      );
      return { result: result as ExecutionResult<never>, statements: scope.statements.count };
    },
    async close() {
      await server.close();
      await runtime.close();
      await database.drop();
    },
  };
}
