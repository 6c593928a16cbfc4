import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import {
  execute,
  getOperationAST,
  GraphQLError,
  type DocumentNode,
  type GraphQLFormattedError,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { formatServiceError } from './api/error-formatting.js';
import {
  admitHttpOperation,
  admitWebSocketOperation,
  attachRateLimit,
  rateLimitPlugin,
} from './api/rate-limit-hooks.js';
import { countStatements, StatementCounter } from './database/statement-counter.js';
import { subscribeWithEventScopes } from './events/subscription-execution.js';
import { ANONYMOUS, type Principal, type RequestScope } from './request-scope.js';
import type { ServiceRuntime } from './runtime.js';
import { createOperationLimits } from './security/operation-limits.js';

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
  operations?: Map<string, { scope: RequestScope; started: number; name: string | null }>;
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
        async willSendResponse({ request, response, errors, operationName }) {
          const body = response.body;
          contextValue.logger.info(
            {
              operation: operationName ?? request.operationName ?? null,
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
  options: { credentialCheckMs?: number } = {},
): Promise<RunningServer> {
  const app = express();
  // Express hashes every response body for an ETag. The API sets no cache headers, and a
  // conditional GET of a query saves little, so the hash is not worth its time on every response.
  app.set('etag', false);
  const httpServer: Server = createServer(app);
  const limits = createOperationLimits(runtime.config, runtime.schema);
  const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
    limits.hideSuggestions(formatServiceError(formatted, error, runtime.schema));
  // ws closes the socket with 1009 when a frame is larger than maxPayload.
  // NOTE: graphql-ws 6.4 also prints that socket error with console.error, not the service logger.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: limits.config.wsMaxPayloadBytes,
  });

  // Open sockets and the credential each authenticated with. A revoked or expired one closes them.
  const authenticatedSockets = new Map<WebSocket, string>();
  const credentialCheck = setInterval(() => {
    closeRevokedSockets(runtime, authenticatedSockets).catch((error: unknown) =>
      runtime.logger.warn({ err: error }, 'graphql-ws credential check failed'),
    );
  }, options.credentialCheckMs ?? WS_CREDENTIAL_CHECK_MS);
  credentialCheck.unref();

  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema: runtime.schema,
      // A socket that sends no connection_init in time is closed with 4408.
      connectionInitWaitTimeout: limits.config.wsConnectionInitTimeoutMs,
      // A socket authenticates once, in connection_init; a bad credential closes it with 4403.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization ?? params.Authorization;
        try {
          const credential = typeof authorization === 'string' ? authorization : undefined;
          ctx.extra.principal = await runtime.authenticator.authenticate(credential);
          if (credential) {
            const socket = ctx.extra.socket;
            authenticatedSockets.set(socket, credential);
            socket.once('close', () => authenticatedSockets.delete(socket));
          }
          return true;
        } catch (error) {
          runtime.logger.warn(
            { reason: (error as Error).message },
            'graphql-ws connection rejected',
          );
          return false;
        }
      },
      // Each subscribe message costs a token, as an HTTP request does. When the bucket is empty,
      // the reply is a RATE_LIMITED error, sent before the operation is parsed.
      // The operation limits then run the checks Apollo runs over HTTP, so a rejected operation
      // gets an error message and never executes.
      onSubscribe: async (ctx, id, payload) => {
        // graphql-ws has already registered this subscription, so it counts itself.
        const running = Object.keys(ctx.subscriptions).length;
        if (running > limits.config.wsMaxSubscriptions) {
          return [tooManySubscriptions(limits.config.wsMaxSubscriptions)];
        }
        const rateLimited = await admitWebSocketOperation(
          runtime.rateLimiter,
          ctx.extra.principal ?? ANONYMOUS,
          ctx.extra.request.socket.remoteAddress,
        );
        if (rateLimited) return rateLimited;
        const prepared = limits.prepareWsOperation(payload);
        if (Array.isArray(prepared)) {
          runtime.logger.info(
            {
              operationId: id,
              principal: ctx.extra.principal?.id,
              errors: prepared.map((error) => error.extensions.code),
              transport: 'graphql-ws',
            },
            'graphql operation rejected',
          );
        }
        return prepared;
      },
      context: (ctx, id, _payload, args) => {
        const scope = runtime.createScope(ctx.extra.principal, { requestId: `ws-${id}` });
        ctx.extra.operations ??= new Map();
        ctx.extra.operations.set(id, {
          scope,
          started: performance.now(),
          name: operationName(args.document, args.operationName),
        });
        return scope as unknown as Record<string, unknown>;
      },
      // Statements are counted in the operation's async context, as on HTTP. Each subscription
      // event is resolved in a fresh scope, so loaders and the identity map never go stale.
      execute: (args) =>
        countStatements(scopeOf(args.contextValue).statements, () => execute(args)),
      subscribe: (args) =>
        countStatements(scopeOf(args.contextValue).statements, () =>
          subscribeWithEventScopes(args),
        ),
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return undefined;
        const scope = ctx.extra.operations?.get(id)?.scope;
        for (const error of result.errors) {
          if (!error.extensions?.code) {
            scope?.logger.error(
              { err: error.originalError ?? error, path: error.path },
              'operation failed',
            );
          }
        }
        return {
          ...result,
          errors: result.errors.map((error) => formatError(error.toJSON(), error)),
        };
      },
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((error) => {
          const formatted = formatError(error.toJSON(), error);
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
            operation: payload.operationName ?? operation.name,
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

  // Validation rules, cost plugin, introspection, batching and the persisted-query cache.
  const apolloLimits = limits.apolloOptions<RequestScope>();
  const apollo = new ApolloServer<RequestScope>({
    schema: runtime.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // app/main.ts handles SIGTERM and SIGINT; Apollo's own handlers would stop it a second time.
    stopOnTerminationSignals: false,
    ...apolloLimits,
    plugins: [
      ...apolloLimits.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The schema sets no cache hints, and the default cache-control plugin would wrap every
      // field resolver to read them, which costs time on every field of a long list.
      ApolloServerPluginCacheControlDisabled(),
      operationLogPlugin(),
      rateLimitPlugin(),
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
      // Queries work without Redis, so a Redis outage degrades live updates but not readiness.
      res.json({ status: 'ready', database: 'up', liveUpdates: runtime.pubSub.status });
    } catch (error) {
      runtime.logger.warn({ err: error }, 'readiness check failed: database unreachable');
      res
        .status(503)
        .json({ status: 'unavailable', database: 'down', liveUpdates: runtime.pubSub.status });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    limits.httpMiddleware((error) => formatError(error.toJSON(), error), runtime.logger),
    (req: Request, res: Response, next: () => void) => {
      // Everything Apollo does for this request runs inside this counter's async context.
      const statements = new StatementCounter();
      res.locals.statements = statements;
      countStatements(statements, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const { principal, rateLimit } = await admitHttpOperation(
          runtime.authenticator,
          runtime.rateLimiter,
          // NOTE: req.ip is the socket address unless Express's 'trust proxy' is set, so behind a
          // reverse proxy every anonymous caller shares the proxy's bucket.
          { authorization: req.get('authorization'), clientAddress: req.ip },
        );
        const scope = runtime.createScope(principal, {
          requestId: acceptedRequestId(req.get('x-request-id')),
          statements: res.locals.statements as StatementCounter,
        });
        if (rateLimit) attachRateLimit(scope, rateLimit);
        return scope;
      },
    }),
    // Without it, Express responds to an oversized or malformed JSON body with an HTML page.
    limits.httpErrorHandler((error) => formatError(error.toJSON(), error), runtime.logger),
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
      clearInterval(credentialCheck);
      await apollo.stop();
    },
  };
}

/**
 * Interval between checks of the credentials of open graphql-ws connections. With the API key
 * cache of 10 s, a revoked key's sockets close within about 20 s on every instance.
 */
const WS_CREDENTIAL_CHECK_MS = 10_000;

/**
 * Authenticates the credential of each open socket again and closes, with 4403, the sockets whose
 * key was revoked or whose token expired. A failure to check, such as an unreachable database,
 * closes nothing.
 */
async function closeRevokedSockets(
  runtime: ServiceRuntime,
  sockets: Map<WebSocket, string>,
): Promise<void> {
  const byCredential = new Map<string, WebSocket[]>();
  for (const [socket, credential] of sockets) {
    const open = byCredential.get(credential);
    if (open) open.push(socket);
    else byCredential.set(credential, [socket]);
  }
  for (const [credential, open] of byCredential) {
    try {
      await runtime.authenticator.authenticate(credential);
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'UNAUTHENTICATED')
        throw error;
      runtime.logger.info(
        { sockets: open.length, reason: error.message },
        'graphql-ws connections closed: credential no longer valid',
      );
      for (const socket of open)
        socket.close(CloseCode.Forbidden, 'Forbidden: credential revoked or expired');
    }
  }
}

/** The name of the operation that will run, for the log line. */
function operationName(document: DocumentNode, requested?: string | null): string | null {
  return getOperationAST(document, requested)?.name?.value ?? null;
}

/** Rejects a subscription beyond the per-connection limit. */
function tooManySubscriptions(limit: number): GraphQLError {
  return new GraphQLError(
    `This connection already runs ${limit} subscriptions, the limit (WS_MAX_SUBSCRIPTIONS): complete one first, or open another connection`,
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit } },
  );
}

/** Keeps a client's request id only when it is short and plain, so it cannot forge log lines. */
function acceptedRequestId(value: string | undefined): string | undefined {
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : undefined;
}
