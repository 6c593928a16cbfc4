import { GraphQLError } from 'graphql';

/** Error codes every client can rely on; plugins add their own, prefixed with their id. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR';

/** Shows a client's value in a message: in quotes, and cut short so a huge value is not echoed. */
export function quoted(value: string, max = 80): string {
  return `"${value.length > max ? `${value.slice(0, max)}…` : value}"`;
}

/** Invalid input. `field` is the argument path, such as `input.serialNumber` or `first`. */
export function badUserInput(field: string, message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, ...extra } });
}

/** Several invalid inputs at once, each with its field and message. */
export function invalidInputs(problems: { field: string; message: string }[]) {
  const message = problems.map((problem) => problem.message).join('; ');
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
  });
}

/** No record of `type` has `value` in `field`. */
export function notFound(type: string, field: string, value: string) {
  return new GraphQLError(`${type} with ${field} ${quoted(value)} was not found: check the value`, {
    extensions: { code: 'NOT_FOUND', field },
  });
}

/** The request clashes with the current state: a stale version or an illegal state change. */
export function conflict(message: string, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...extra } });
}

/** Returns whether `error` already carries one of the stable codes and may be shown as it is. */
export function hasPublicCode(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && typeof error.extensions?.code === 'string';
}
