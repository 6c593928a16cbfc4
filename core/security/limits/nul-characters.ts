import { GraphQLError } from 'graphql';

/**
 * Rejects text containing the NUL character (U+0000), in a document's string literals (as the
 * escape `\u0000`) or in any variable. Neither database stores it in a text column, so the request
 * would otherwise fail inside the driver with an internal error.
 */
export function checkNulCharacters(
  query: string | undefined,
  variables: unknown,
): GraphQLError | undefined {
  if (query && /\\u0000/i.test(query)) return nulCharacter('query');
  const path = findNul(variables, 'variables');
  return path ? nulCharacter(path) : undefined;
}

function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}.${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

function nulCharacter(field: string): GraphQLError {
  return new GraphQLError(
    `${field} contains the NUL character (U+0000), which no text field accepts: remove it`,
    { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } },
  );
}
