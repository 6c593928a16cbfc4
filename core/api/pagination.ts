import { Utils, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { RequestScope } from '../request-scope.js';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type ConnectionArgs,
  type ConnectionPage,
} from './connection.js';
import { badUserInput, quoted } from './errors.js';

export type SortDirection = 'ASC' | 'DESC';

/** Ordering of a list: one entity property, then the id as a tiebreaker so the order is total. */
export interface SortSpec {
  property: string;
  direction: SortDirection;
}

type CursorValue = string | number | boolean | null;

/** Validates `first` and returns the page size. */
export function pageSize(first: number | undefined | null, field = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(
      field,
      `${field} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}: request at most ${MAX_PAGE_SIZE} records and page with after`,
    );
  }
  return size;
}

/** Encodes the sort value and id of a record into an opaque cursor. */
export function encodeCursor(sortValue: unknown, id: string): string {
  const value =
    sortValue instanceof Date ? { d: sortValue.toISOString() } : (sortValue as CursorValue);
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

/** The JavaScript type of a sort property, which a cursor's sort value must have. */
export type CursorValueKind = 'date' | 'string' | 'number' | 'boolean';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decodes a cursor made by {@link encodeCursor}. The sort value must have the kind of the sort
 * property, so a forged cursor cannot smuggle an object (a query operator) or a wrong type into
 * the query. Throws BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(
  cursor: string,
  field = 'after',
  kind?: CursorValueKind,
): { value: unknown; id: string } {
  const invalid = () =>
    badUserInput(
      field,
      `${field} ${quoted(cursor)} is not a valid cursor: pass the endCursor of a previous page`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [raw, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalid();

  if (raw !== null && typeof raw === 'object') {
    const text =
      'd' in raw && Object.keys(raw).length === 1 ? (raw as { d: unknown }).d : undefined;
    // Only an ISO instant as encodeCursor writes it, in years both databases store (1 to 9999).
    const date = typeof text === 'string' ? new Date(text) : null;
    const exact =
      date !== null &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString() === text &&
      date.getUTCFullYear() >= 1 &&
      date.getUTCFullYear() <= 9999;
    if (!exact || (kind && kind !== 'date')) throw invalid();
    return { value: date, id };
  }
  if (kind && (kind === 'date' || typeof raw !== kind)) throw invalid();
  if (!kind && !['string', 'number', 'boolean'].includes(typeof raw) && raw !== null)
    throw invalid();
  return { value: raw, id };
}

/** Finds the cursor value kind of an entity's sort property from the ORM metadata. */
export function cursorKind(scope: RequestScope, entity: string, property: string): CursorValueKind {
  const type = scope.em.getMetadata().find(entity)?.properties[property as never]?.runtimeType;
  if (type === 'Date') return 'date';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/** Builds the keyset condition "after this cursor" for an ordering. */
export function afterCursorCondition(
  sort: SortSpec,
  cursor: { value: unknown; id: string },
): Record<string, unknown> {
  const beyond = sort.direction === 'ASC' ? '$gt' : '$lt';
  return {
    $or: [
      { [sort.property]: { [beyond]: cursor.value } },
      { [sort.property]: cursor.value, id: { [beyond]: cursor.id } },
    ],
  };
}

/** Builds an edge whose cursor is encoded only when a client selects it. */
function cursorEdge<T extends { id: string }>(node: T, sortProperty: string) {
  let cursor: string | undefined;
  return {
    node,
    get cursor(): string {
      cursor ??= encodeCursor((node as Record<string, unknown>)[sortProperty], node.id);
      return cursor;
    },
  };
}

/** Assembles a connection page from `size + 1` fetched rows. */
export function toConnectionPage<T extends { id: string }>(
  rows: T[],
  size: number,
  sort: SortSpec,
  afterGiven: boolean,
  countTotal: () => Promise<number>,
): ConnectionPage<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => cursorEdge(node, sort.property));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: afterGiven,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Counting costs a statement, so it runs only when the client selects totalCount.
    get totalCount() {
      total ??= countTotal();
      return total;
    },
  };
}

/**
 * Loads one page of a top-level list with keyset pagination: a stable order on `sort` then id,
 * `first + 1` rows to know whether another page follows, and a count only if it is selected.
 */
export async function findPage<T extends { id: string }>(
  scope: RequestScope,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sort: SortSpec,
  args: ConnectionArgs,
): Promise<ConnectionPage<T>> {
  const size = pageSize(args.first);
  const conditions: unknown[] = [where];
  if (args.after) {
    const kind = cursorKind(scope, Utils.className(entity), sort.property);
    conditions.push(afterCursorCondition(sort, decodeCursor(args.after, 'after', kind)));
  }
  // Even for first: 0 one row is read, so hasNextPage shows whether the list has records.
  const rows = await scope.em.find(entity, { $and: conditions } as FilterQuery<T>, {
    orderBy: { [sort.property]: sort.direction, id: sort.direction } as never,
    limit: size + 1,
  });
  return toConnectionPage(rows as T[], size, sort, Boolean(args.after), () =>
    scope.em.count(entity, where),
  );
}

/** Builds a case-insensitive substring condition for the current database. */
export function containsText(scope: RequestScope, text: string): Record<string, string> {
  // NOTE: % and _ in the search text act as SQL wildcards.
  const pattern = `%${text}%`;
  return scope.isSqlite ? { $like: pattern } : { $ilike: pattern };
}
