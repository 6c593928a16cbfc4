import { badUserInput, quoted } from './errors.js';

/** Encodes a type name and a database id into an opaque Relay global ID. */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a global ID. Throws BAD_USER_INPUT naming `field` when the ID is malformed or, when
 * `expectedType` is given, belongs to another type.
 */
export function fromGlobalId(
  globalId: string,
  field: string,
  expectedType?: string,
): { typeName: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !UUID.test(id)) {
    throw badUserInput(
      field,
      `${field} ${quoted(globalId)} is not a valid ID: use the id field of a record returned by this API`,
    );
  }
  if (expectedType && typeName !== expectedType) {
    throw badUserInput(
      field,
      `${field} ${quoted(globalId)} is the ID of a record of type ${typeName}, not ${expectedType}: pass an ID of type ${expectedType}`,
    );
  }
  return { typeName, id: id.toLowerCase() };
}
