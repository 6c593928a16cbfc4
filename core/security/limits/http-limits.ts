import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import {
  GraphQLError,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { OperationLimitsConfig } from '../../config.js';
import { checkDocumentSize } from './document-size.js';
import { checkNulCharacters } from './nul-characters.js';
import { batchNotAllowed, requestTooLarge } from './limit-errors.js';
import { checkOperationCost } from './operation-cost.js';

/** Variable sets remembered as accepted per document before the set starts over. */
const ACCEPTED_VARIABLES_PER_DOCUMENT = 1_000;
/** Maximum length, in JSON characters, of an operation name with its variables to remember. */
const MAX_REMEMBERED_KEY_LENGTH = 2_000;

/**
 * Rejects, before Apollo Server parses anything, a JSON array body (a batch) and a document over
 * the size or token limit. Responds with 400 and the formatted error, and passes other requests on.
 * Mount it after the JSON body parser.
 */
export function httpDocumentLimits(
  limits: OperationLimitsConfig,
  format: (error: GraphQLError) => GraphQLFormattedError,
  logger: Logger,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const error = documentRejection(req, limits);
    if (!error) {
      next();
      return;
    }
    logger.info(
      { code: error.extensions.code, method: req.method, transport: 'http' },
      'graphql request rejected before parsing',
    );
    res.status(400).json({ errors: [format(error)] });
  };
}

function documentRejection(req: Request, limits: OperationLimitsConfig): GraphQLError | undefined {
  const body: unknown = req.body;
  if (Array.isArray(body)) return batchNotAllowed(body.length);
  // Apollo takes the document from the query string on GET and from the JSON body on POST.
  const query =
    req.method === 'GET'
      ? req.query.query
      : body && typeof body === 'object'
        ? (body as { query?: unknown }).query
        : undefined;
  const variables =
    req.method === 'GET'
      ? parseJson(req.query.variables)
      : (body as { variables?: unknown })?.variables;
  return (
    (typeof query === 'string' ? checkDocumentSize(query, limits) : undefined) ??
    checkNulCharacters(typeof query === 'string' ? query : undefined, variables)
  );
}

/** Variables of a GET request arrive as JSON text; anything unreadable is left to Apollo. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** An error of Express's JSON body parser, such as a body over its limit or invalid JSON. */
interface BodyParserError {
  status: number;
  type: string;
  message: string;
  length?: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const candidate = error as Partial<BodyParserError> | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}

/**
 * Turns the JSON body parser's errors (a body over its limit, invalid JSON, an unsupported
 * charset) into GraphQL error responses with a code, in place of Express's HTML error page.
 * Mount it after the GraphQL route. Other errors go on to the next handler.
 */
export function httpBodyErrors(
  format: (error: GraphQLError) => GraphQLFormattedError,
  logger: Logger,
): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isBodyParserError(error)) {
      next(error);
      return;
    }
    const rejection =
      error.type === 'entity.too.large'
        ? requestTooLarge(error.length, error.limit ?? 0)
        : new GraphQLError(
            `The request body is invalid (${error.message}): send a UTF-8 JSON object with ` +
              'query and, optionally, variables and operationName',
            { extensions: { code: 'BAD_REQUEST' } },
          );
    logger.info(
      {
        code: rejection.extensions.code,
        reason: error.type,
        method: req.method,
        transport: 'http',
      },
      'graphql request rejected before parsing',
    );
    res.status(error.status).json({ errors: [format(rejection)] });
  };
}

/**
 * Checks arguments and cost once Apollo has validated the document and chosen the operation,
 * before execution. The check needs the request's variables, so it cannot be a validation rule,
 * which Apollo caches per document.
 */
export function operationCostPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  limits: OperationLimitsConfig,
): ApolloServerPlugin<TContext> {
  // Apollo reuses one parsed document per query text, so the check of an accepted operation runs
  // once per document, operation name and variables. Rejections are checked again every time.
  const accepted = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const key = JSON.stringify([operationName ?? null, request.variables ?? null]);
          const known = accepted.get(document);
          if (known?.has(key)) return;
          const error = checkOperationCost(
            schema,
            { document, operationName, variables: request.variables },
            limits.maxCost,
          );
          // The error carries `http.status` 400, because without it Apollo would respond with 500.
          if (error) throw error;
          if (key.length > MAX_REMEMBERED_KEY_LENGTH) return;
          const keys = known ?? new Set<string>();
          // Bounds the memory of a document sent with ever new variables.
          if (keys.size >= ACCEPTED_VARIABLES_PER_DOCUMENT) keys.clear();
          keys.add(key);
          accepted.set(document, keys);
        },
      };
    },
  };
}
