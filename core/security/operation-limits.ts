import type { ApolloServerPlugin, BaseContext, PersistedQueryOptions } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type {
  ExecutionArgs,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import { defaultOperationLimits, type AppConfig, type OperationLimitsConfig } from '../config.js';
import { httpBodyErrors, httpDocumentLimits, operationCostPlugin } from './limits/http-limits.js';
import { limitValidationRules } from './limits/validation-rules.js';
import { prepareWsOperation, type WsOperationPayload } from './limits/ws-operation.js';

/**
 * The operation limits of one server, in the form each transport takes them. HTTP and graphql-ws
 * run the same checks in the same order: document size and tokens, parsing, validation (depth,
 * aliases, directives, introspection), then `first` arguments and cost. No resolver or SQL
 * statement runs for a rejected operation.
 */
export interface OperationLimits {
  readonly config: OperationLimitsConfig;
  /** Options to spread into the `ApolloServer` constructor. */
  apolloOptions<TContext extends BaseContext>(): {
    validationRules: ValidationRule[];
    plugins: ApolloServerPlugin<TContext>[];
    introspection: boolean;
    allowBatchedHttpRequests: false;
    persistedQueries: PersistedQueryOptions | false;
  };
  /** Express middleware for the GraphQL path, mounted after the JSON body parser. */
  httpMiddleware(
    format: (error: GraphQLError) => GraphQLFormattedError,
    logger: Logger,
  ): RequestHandler;
  /** Express error handler for the GraphQL path that responds to body-parser errors with JSON. */
  httpErrorHandler(
    format: (error: GraphQLError) => GraphQLFormattedError,
    logger: Logger,
  ): ErrorRequestHandler;
  /** Checks a graphql-ws `subscribe` payload. Returns execution arguments or the errors to send. */
  prepareWsOperation(payload: WsOperationPayload): ExecutionArgs | GraphQLError[];
  /** Removes "Did you mean …?" suggestions unless introspection is on. */
  hideSuggestions(error: GraphQLFormattedError): GraphQLFormattedError;
}

/** Builds the operation limits from the configuration, or the environment's defaults. */
export function createOperationLimits(config: AppConfig, schema: GraphQLSchema): OperationLimits {
  const limits = config.limits ?? defaultOperationLimits(config.environment);
  const validationRules = limitValidationRules(limits);

  return {
    config: limits,
    apolloOptions() {
      return {
        validationRules,
        plugins: [operationCostPlugin(schema, limits)],
        // The limit rules reject introspection with their own code, on HTTP and graphql-ws alike.
        introspection: true,
        allowBatchedHttpRequests: false,
        persistedQueries: limits.persistedQueries
          ? {
              cache: new InMemoryLRUCache<string>({
                maxSize: limits.persistedQueryCacheBytes,
                sizeCalculation: (query) => Buffer.byteLength(query, 'utf8'),
              }),
            }
          : false,
      };
    },
    httpMiddleware(format, logger) {
      return httpDocumentLimits(limits, format, logger);
    },
    httpErrorHandler(format, logger) {
      return httpBodyErrors(format, logger);
    },
    prepareWsOperation(payload) {
      return prepareWsOperation(schema, limits, validationRules, payload);
    },
    hideSuggestions(error) {
      if (limits.introspection) return error;
      return { ...error, message: error.message.replace(/\s?Did you mean [^?]*\?/g, '') };
    },
  };
}
