import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import {
  GraphQLError,
  isEnumType,
  Kind,
  parse,
  visit,
  type ASTNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { OPERATION_LIMIT_CODES } from '../security/limits/limit-errors.js';

/** Codes Apollo and graphql-ws produce for malformed documents; their messages are safe to show. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const VALUE_KINDS = new Set<string>([
  Kind.ENUM,
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * Turns any error into what a client may see. Errors with a stable code keep their message, and
 * invalid argument values become BAD_USER_INPUT naming the field. Anything else becomes
 * INTERNAL_SERVER_ERROR with no internals; the log has the details under the request id.
 */
export function formatServiceError(
  formatted: GraphQLFormattedError,
  error: unknown,
  schema?: GraphQLSchema,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  const base = {
    message: withEnumValues(formatted.message, schema),
    locations: formatted.locations,
    path: formatted.path,
  };

  // Apollo Server 5 raises this, without a code, for a persisted query whose hash does not match
  // its text. It is the client's mistake, so the message is shown rather than masked.
  if (formatted.message === 'provided sha does not match query') {
    return {
      ...base,
      message:
        'The persisted query hash does not match the query text: send the SHA-256 of the query',
      extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
    };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...base,
      message:
        'The record was changed by someone else since you read it: reload it and apply your change again',
      extensions: { code: 'CONFLICT' },
    };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && error instanceof GraphQLError) {
    // Apollo relabels every validation-rule error, but an operation limit keeps its own code.
    const limitError = error.originalError;
    if (limitError instanceof GraphQLError && isLimitCode(limitError.extensions.code)) {
      return { ...base, extensions: withoutInternals(limitError.extensions) };
    }
    const field = valueErrorField(error);
    if (field) return { ...base, extensions: { code: 'BAD_USER_INPUT', field } };
  }
  if (code === 'BAD_USER_INPUT' && !formatted.extensions?.field) {
    const at =
      /at "([^"]+)"/.exec(formatted.message)?.[1] ??
      /^Variable "\$([^"]+)"/.exec(formatted.message)?.[1];
    // A missing required input field is reported at its parent object; name the field itself.
    const missing = /Field "(\w+)" of required type "[^"]+" was not provided/.exec(
      formatted.message,
    )?.[1];
    const field = at && missing ? `${at}.${missing}` : at;
    return { ...base, extensions: { ...withoutInternals(formatted.extensions), code, field } };
  }
  if (
    typeof code === 'string' &&
    code !== 'INTERNAL_SERVER_ERROR' &&
    (isPublicError(original) ||
      PROTOCOL_CODES.has(code) ||
      isLimitCode(code) ||
      code === 'BAD_USER_INPUT')
  ) {
    return { ...base, extensions: withoutInternals(formatted.extensions) };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Appends the accepted values to graphql-js's "Value … does not exist in … enum." messages. */
function withEnumValues(message: string, schema: GraphQLSchema | undefined): string {
  const match = /does not exist in "(\w+)" enum\./.exec(message);
  const type = match && schema?.getType(match[1]);
  if (!type || !isEnumType(type)) return message;
  const values = type.getValues().map((value) => value.name);
  return `${message.replace(/\.$/, '')}: use one of ${values.join(', ')}`;
}

function isLimitCode(code: unknown): boolean {
  return typeof code === 'string' && OPERATION_LIMIT_CODES.has(code);
}

function isPublicError(error: unknown): boolean {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string';
}

function withoutInternals(
  extensions: Record<string, unknown> | undefined,
): Record<string, unknown> {
  // `http` sets Apollo's response status. Apollo removes it, but graphql-ws would send it on.
  const { stacktrace: _stacktrace, exception: _exception, http: _http, ...rest } = extensions ?? {};
  return rest;
}

/**
 * Finds the argument path of a literal value that failed validation (an unknown enum value, a
 * string where a number belongs), such as `input.kind`. Returns undefined for other errors.
 */
function valueErrorField(error: GraphQLError): string | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  let found: string | undefined;
  visit(parse(error.source), {
    enter(node: ASTNode, _key, parent, _path, ancestors) {
      if (found || node.loc?.start !== position || !VALUE_KINDS.has(node.kind)) return undefined;
      // `ancestors` stops above the direct parent, which is the ObjectField naming the value.
      const chain = [...ancestors, parent, node].filter(
        (item): item is ASTNode => item !== undefined && item !== null && 'kind' in item,
      );
      const names = chain.flatMap((item) =>
        item.kind === Kind.ARGUMENT || item.kind === Kind.OBJECT_FIELD ? [item.name.value] : [],
      );
      if (names.length > 0) found = names.join('.');
      return undefined;
    },
  });
  return found;
}
