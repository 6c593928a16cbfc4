import 'reflect-metadata';
import { ConfigError, loadConfig } from '../core/config.js';
import { existingDemoKeys } from '../core/demo/demo-keys.js';
import { createLogger } from '../core/logger.js';
import { createRuntime } from '../core/runtime.js';
import { startServer } from '../core/server.js';
import { AVAILABLE_PLUGINS } from './plugins.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const runtime = await createRuntime({ config, plugins: AVAILABLE_PLUGINS, logger });
  const server = await startServer(runtime);
  logger.info({ url: server.url }, 'server started');
  console.log(`GraphQL API ready at ${server.url} (WebSocket ${server.wsUrl})`);
  if (config.environment !== 'production') {
    const demoKeys = await runtime.runAsSystem(existingDemoKeys);
    if (demoKeys.length > 0) console.log('Demo API keys (send as "Authorization: Bearer <key>"):');
    for (const { label, key } of demoKeys) console.log(`  ${label}: ${key}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      // Stops accepting connections and closes the graphql-ws sockets with 1001. Requests in flight
      // get 10 s, the grace period of Apollo's drain plugin, before their connections are cut.
      await server.close();
    } catch (error) {
      logger.error({ err: error }, 'server shutdown failed: closing the connections anyway');
      process.exitCode = 1;
    }
    try {
      await runtime.close();
    } catch (error) {
      logger.error({ err: error }, 'closing the database or Redis connections failed');
      process.exitCode = 1;
    }
    logger.info('stopped');
    process.exit();
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // A plugin setting read at startup can also be invalid configuration.
  process.exit(error instanceof ConfigError ? 2 : 1);
});
