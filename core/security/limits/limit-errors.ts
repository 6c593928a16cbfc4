import { GraphQLError, type ASTNode } from 'graphql';

/** Codes of the errors that reject an operation over a limit. Clients may rely on them. */
export const OPERATION_LIMIT_CODES = new Set([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
  'DOCUMENT_TOO_LARGE',
  'REQUEST_TOO_LARGE',
  'TOO_MANY_TOKENS',
  'CONNECTION_FIRST_REQUIRED',
  'BATCH_NOT_ALLOWED',
  'INTROSPECTION_DISABLED',
]);

function limitError(
  code: string,
  message: string,
  details: Record<string, unknown> = {},
  nodes?: readonly ASTNode[],
): GraphQLError {
  // Apollo reads `http` for the status of an error thrown from a plugin hook and then removes it.
  return new GraphQLError(message, {
    nodes,
    extensions: { code, ...details, http: { status: 400 } },
  });
}

/** Builds the error for a selection nested deeper than `limit` levels. */
export function queryTooDeep(depth: number | undefined, limit: number): GraphQLError {
  const found = depth === undefined ? `more than ${limit}` : String(depth);
  return limitError(
    'QUERY_TOO_DEEP',
    `The operation nests ${found} levels of fields, more than the maximum of ${limit}: ` +
      'select fewer nested levels, or fetch the deeper records in a second operation by id',
    { limit, value: depth },
  );
}

/** Builds the error for an operation with more than `limit` aliases. */
export function tooManyAliases(count: number | undefined, limit: number): GraphQLError {
  const found = count === undefined ? `more than ${limit}` : String(count);
  return limitError(
    'TOO_MANY_ALIASES',
    `The operation uses ${found} aliases, more than the maximum of ${limit}: ` +
      'request fewer aliased fields, or split the operation into several requests',
    { limit, value: count },
  );
}

/** Builds the error for an operation with more than `limit` directives. */
export function tooManyDirectives(count: number | undefined, limit: number): GraphQLError {
  const found = count === undefined ? `more than ${limit}` : String(count);
  return limitError(
    'TOO_MANY_DIRECTIVES',
    `The operation uses ${found} directives, more than the maximum of ${limit}: ` +
      'remove repeated directives, or split the operation into several requests',
    { limit, value: count },
  );
}

/**
 * Builds the error for an operation whose cost, or whose number of fields once fragments are
 * inlined, is over the limit.
 */
export function queryTooCostly(cost: number | undefined, limit: number): GraphQLError {
  const found =
    cost === undefined ? 'more than the fields this server evaluates' : `a cost of ${cost}`;
  return limitError(
    'QUERY_TOO_COSTLY',
    `The operation has ${found}, more than the maximum cost of ${limit}: lower first on nested ` +
      'lists or select fewer fields. Each field costs 1, and a list multiplies the cost of its ' +
      'fields by its first argument',
    { limit, value: cost },
  );
}

/** Builds the error for a document text larger than `limit` bytes. */
export function documentTooLarge(bytes: number, limit: number): GraphQLError {
  return limitError(
    'DOCUMENT_TOO_LARGE',
    `The document is ${bytes} bytes, more than the maximum of ${limit}: send a shorter document ` +
      'and pass long values as variables',
    { limit, value: bytes },
  );
}

/** Builds the error for a document with more than `limit` tokens. Counting stops there. */
export function tooManyTokens(limit: number): GraphQLError {
  return limitError(
    'TOO_MANY_TOKENS',
    `The document has more than the maximum of ${limit} tokens: select fewer fields, or split ` +
      'the operation into several requests',
    { limit },
  );
}

/** Builds the error for connection fields, named `Type.field`, selected without `first`. */
export function connectionFirstRequired(fields: string[], maxPageSize: number): GraphQLError {
  return limitError(
    'CONNECTION_FIRST_REQUIRED',
    `first is required on every list, but ${fields.join(', ')} ${fields.length === 1 ? 'has' : 'have'} none: pass first ` +
      `(0 to ${maxPageSize}) and page on with after`,
    { field: 'first', fields },
  );
}

/** Builds the error for an HTTP request body over the JSON body parser's limit. */
export function requestTooLarge(bytes: number | undefined, limit: number): GraphQLError {
  const size = bytes === undefined ? 'larger' : `${bytes} bytes`;
  return limitError(
    'REQUEST_TOO_LARGE',
    `The request body is ${size}, more than the maximum of ${limit} bytes: send a shorter ` +
      'document and smaller variables',
    { limit, value: bytes },
  );
}

/** Builds the error for an HTTP request body that is a JSON array of operations. */
export function batchNotAllowed(operations: number): GraphQLError {
  return limitError(
    'BATCH_NOT_ALLOWED',
    `The request body is an array of ${operations} operations, but batched requests are not ` +
      'supported: send each operation as its own JSON object',
    { value: operations },
  );
}

/** Builds the error for `__schema` or `__type` on a server with introspection off. */
export function introspectionDisabled(field: string, node: ASTNode): GraphQLError {
  return limitError(
    'INTROSPECTION_DISABLED',
    `Introspection is disabled on this server, so ${field} cannot be queried: use the schema ` +
      'published with the API',
    { field },
    [node],
  );
}
