import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { execute, subscribe } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { formatServiceError } from './api/error-formatting.js';
import { countStatements, StatementCounter } from './database/statement-counter.js';
import type { Principal, RequestScope } from './request-scope.js';
import type { ServiceRuntime } from './runtime.js';

/** A listening server and how to stop it. */
export interface RunningServer {
  /** HTTP URL of the GraphQL endpoint, such as `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** WebSocket URL of the same endpoint for graphql-ws clients. */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
}

/** Per-socket state: the scope and start time of each running operation, by operation id. */
type WsExtra = {
  principal?: Principal;
  operations?: Map<string, { scope: RequestScope; started: number }>;
};

function scopeOf(contextValue: unknown): RequestScope {
  return contextValue as RequestScope;
}

/** Logs one line per operation: name, duration, SQL statement count and error codes. */
function operationLogPlugin(): ApolloServerPlugin<RequestScope> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (!code || code === 'INTERNAL_SERVER_ERROR') {
              contextValue.logger.error(
                { err: error.originalError ?? error, path: error.path },
                'operation failed',
              );
            }
          }
        },
        async willSendResponse({ request, response, errors }) {
          const body = response.body;
          contextValue.logger.info(
            {
              operation: request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              statements: contextValue.statements.count,
              errors: errors?.map((error) => error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
              kind: body.kind,
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

/**
 * Starts HTTP and WebSocket on one port: `POST`/`GET /graphql` through Apollo Server, graphql-ws
 * on the same path, and `/healthz` and `/readyz` beside them.
 */
export async function startServer(
  runtime: ServiceRuntime,
  port = runtime.config.port,
  host = runtime.config.host,
): Promise<RunningServer> {
  const app = express();
  const httpServer: Server = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema: runtime.schema,
      // A socket authenticates once, in connection_init; a bad credential closes it with 4403.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        try {
          ctx.extra.principal = await runtime.authenticator.authenticate(
            typeof authorization === 'string' ? authorization : undefined,
          );
          return true;
        } catch (error) {
          runtime.logger.warn(
            { reason: (error as Error).message },
            'graphql-ws connection rejected',
          );
          return false;
        }
      },
      context: (ctx, id) => {
        const scope = runtime.createScope(ctx.extra.principal, { requestId: `ws-${id}` });
        ctx.extra.operations ??= new Map();
        ctx.extra.operations.set(id, { scope, started: performance.now() });
        return scope as unknown as Record<string, unknown>;
      },
      // Statements are counted in the operation's async context, as on HTTP.
      execute: (args) =>
        countStatements(scopeOf(args.contextValue).statements, () => execute(args)),
      subscribe: (args) =>
        countStatements(scopeOf(args.contextValue).statements, () => subscribe(args)),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        return {
          ...result,
          errors: result.errors.map((error) =>
            formatServiceError(error.toJSON(), error, runtime.schema),
          ),
        };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const formatted = formatServiceError(error.toJSON(), error, runtime.schema);
          return Object.assign(error, {
            message: formatted.message,
            extensions: formatted.extensions,
          });
        }),
      onComplete: (ctx, id, payload) => {
        const operation = ctx.extra.operations?.get(id);
        if (!operation) return;
        ctx.extra.operations!.delete(id);
        operation.scope.logger.info(
          {
            operation: payload.operationName ?? null,
            durationMs: Math.round((performance.now() - operation.started) * 10) / 10,
            statements: operation.scope.statements.count,
            transport: 'graphql-ws',
          },
          'graphql operation',
        );
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestScope>({
    schema: runtime.schema,
    formatError: (formatted, error) => formatServiceError(formatted, error, runtime.schema),
    includeStacktraceInErrorResponses: false,
    introspection: runtime.config.environment !== 'production',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationLogPlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await runtime.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'up' });
    } catch (error) {
      runtime.logger.warn({ err: error }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    (req: Request, res: Response, next: () => void) => {
      // Everything Apollo does for this request runs inside this counter's async context.
      const statements = new StatementCounter();
      res.locals.statements = statements;
      countStatements(statements, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        runtime.createScope(await runtime.authenticator.authenticate(req.get('authorization')), {
          requestId: acceptedRequestId(req.get('x-request-id')),
          statements: res.locals.statements as StatementCounter,
        }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shownHost}:${address.port}/graphql`;

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port: address.port,
    async close() {
      await apollo.stop();
    },
  };
}

/** Keeps a client's request id only when it is short and plain, so it cannot forge log lines. */
function acceptedRequestId(value: string | undefined): string | undefined {
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : undefined;
}
