import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { AppConfig } from '../../core/config.js';
import { countStatements } from '../../core/database/statement-counter.js';
import { createLogger } from '../../core/logger.js';
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
  ): Promise<ExecutionResult<T>>;
  /** Runs an operation in process and returns its result and the SQL statements it issued. */
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ result: ExecutionResult<T>; statements: number }>;
  close(): Promise<void>;
}

export async function startTestService(options: { demoData?: boolean } = {}): Promise<TestService> {
  const database: TestDatabase = await createTestDatabase();
  const config: AppConfig = {
    environment: 'test',
    host: '127.0.0.1',
    port: 0,
    database: database.config,
    logLevel: 'warn',
    demoData: options.demoData ?? false,
    plugins: 'all',
  };
  const runtime = await createRuntime({
    config,
    plugins: AVAILABLE_PLUGINS,
    logger: createLogger('error'),
  });
  const server = await startServer(runtime, 0, '127.0.0.1');

  return {
    runtime,
    server,
    async http(query, variables) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as ExecutionResult<never>;
    },
    async run(query, variables) {
      const scope = runtime.createScope();
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
