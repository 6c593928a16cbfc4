import { raw, type EntityMetadata, type EntityProperty, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { RequestScope } from '../request-scope.js';
import type { ChildConnectionOptions } from './child-connection.js';
import { afterCursorCondition, decodeCursor } from './pagination.js';
import { RowProjector } from './row-projection.js';

/** One parent's page request, as the page loader batches it. */
export interface ChildPageKey {
  parentId: string;
  size: number;
  after?: string;
  filter: Record<string, unknown>;
  /** Whether to count the parent's children in the page statement. */
  withTotal: boolean;
  /** Properties to read, or undefined for every column. */
  properties?: string[];
}

/** One parent's rows, `size + 1` at most, and its count when the statement computed one. */
export interface ChildPage<T> {
  rows: T[];
  total?: number;
}

/** Column names of a child connection, read from the ORM metadata. */
interface ChildColumns {
  parent: string;
  sort: string;
  direction: 'asc' | 'desc';
  /** Database type of the parent's key, such as `uuid`, for the array of parent ids. */
  parentKeyType: string;
}

// Extra columns of the page statements, removed before a row becomes an entity.
const RANK = 'row_rank';
const TOTAL = 'row_total';
const PARENT = 'row_parent_id';

function sqlEm(scope: RequestScope): SqlEntityManager {
  return scope.em as unknown as SqlEntityManager;
}

/**
 * Returns the select list of a group's child rows: its properties and the parent column, which
 * groups the rows, or every column.
 */
function selectedColumns<T>(options: ChildConnectionOptions<T>, group: ChildPageKey[]): string[] {
  const { properties } = group[0];
  if (!properties) return ['child.*'];
  const selected = new Set([...properties, options.parentProperty]);
  return [...selected].map((property) => `child.${property}`);
}

function childColumns<T>(
  meta: EntityMetadata<T>,
  options: ChildConnectionOptions<T>,
): ChildColumns {
  const properties = meta.properties as Record<string, EntityProperty>;
  const parentProperty = properties[options.parentProperty];
  const parentKey = parentProperty.targetMeta!.getPrimaryProps()[0];
  return {
    parent: parentProperty.fieldNames[0],
    sort: properties[options.sort.property].fieldNames[0],
    direction: options.sort.direction === 'ASC' ? 'asc' : 'desc',
    parentKeyType: parentKey.columnTypes[0],
  };
}

/**
 * Groups keys that can share one statement: same page size, filter, count request and columns.
 * A parent asked for twice (aliases with different cursors) goes into a later group, because each
 * statement returns one page per parent.
 */
function groupKeys(keys: readonly ChildPageKey[]): ChildPageKey[][] {
  const groups = new Map<string, ChildPageKey[]>();
  const seen = new Map<string, number>();
  for (const key of keys) {
    const shape = [key.size, key.filter, key.withTotal, key.properties ?? null];
    const parentKey = JSON.stringify([...shape, key.parentId]);
    const occurrence = seen.get(parentKey) ?? 0;
    seen.set(parentKey, occurrence + 1);
    const groupKey = JSON.stringify([...shape, occurrence]);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }
  return [...groups.values()];
}

/**
 * Reads the first `size + 1` children of each parent in a group through a lateral join, which
 * PostgreSQL runs as one index scan with a limit per parent. With `withTotal`, a second lateral
 * subquery counts each parent's children, and a parent without children still returns one row.
 */
async function selectLateral<T>(
  em: SqlEntityManager,
  options: ChildConnectionOptions<T>,
  columns: ChildColumns,
  group: ChildPageKey[],
): Promise<Record<string, unknown>[]> {
  const { size, filter, withTotal } = group[0];
  const knex = em.getKnex();
  const childrenOfParent = knex.raw(`child.${columns.parent} = parent.id`);

  // Query builders skip ORM filters unless asked, and the tenant filter must always apply.
  const page = em
    .createQueryBuilder(options.entity, 'child')
    .select(selectedColumns(options, group));
  page.where(filter as FilterQuery<T>);
  await page.applyFilters();
  const pageQuery = page
    .getKnexQuery()
    .where(childrenOfParent)
    .orderBy([
      { column: `child.${columns.sort}`, order: columns.direction },
      { column: 'child.id', order: columns.direction },
    ])
    .limit(size + 1);

  const statement = knex.select(knex.raw(`parent.id as ${PARENT}`), 'child.*').from(
    // knex expands an array binding into one parameter per element, hence array[?].
    knex.raw(`unnest(array[?]::${columns.parentKeyType}[]) as parent(id)`, [
      group.map((key) => key.parentId),
    ]),
  );
  if (withTotal) {
    const counter = em
      .createQueryBuilder(options.entity, 'child')
      .select(raw(`count(*) as ${TOTAL}`));
    counter.where(filter as FilterQuery<T>);
    await counter.applyFilters();
    const countQuery = counter.getKnexQuery().where(childrenOfParent);
    statement
      .select(`totals.${TOTAL}`)
      .joinRaw('cross join lateral ? as totals', [countQuery] as never)
      .joinRaw('left join lateral ? as child on true', [pageQuery] as never);
  } else {
    statement.joinRaw('cross join lateral ? as child', [pageQuery] as never);
  }
  statement.orderByRaw(
    `${PARENT}, child.${columns.sort} ${columns.direction}, child.id ${columns.direction}`,
  );
  return (await em.execute(statement)) as Record<string, unknown>[];
}

/**
 * Reads the first `size + 1` children of each parent in a group with a window function that
 * numbers each parent's children. Keys with a cursor start after it. With `withTotal` and no
 * cursor in the group, a second window function counts each parent's children.
 */
async function selectRanked<T>(
  em: SqlEntityManager,
  options: ChildConnectionOptions<T>,
  columns: ChildColumns,
  group: ChildPageKey[],
): Promise<Record<string, unknown>[]> {
  const { size, filter } = group[0];
  const plainParents = group.filter((key) => !key.after).map((key) => key.parentId);
  const parentConditions: Record<string, unknown>[] = group
    .filter((key) => key.after)
    .map((key) => ({
      [options.parentProperty]: key.parentId,
      ...afterCursorCondition(options.sort, decodeCursor(key.after!)),
    }));
  if (plainParents.length > 0)
    parentConditions.push({ [options.parentProperty]: { $in: plainParents } });
  const partition = `partition by child.${columns.parent}`;

  const qb = em.createQueryBuilder(options.entity, 'child');
  qb.select([
    ...selectedColumns(options, group),
    raw(
      `row_number() over (${partition} order by child.${columns.sort} ${columns.direction}, child.id ${columns.direction}) as ${RANK}`,
    ),
    ...(canCountInPage(group) ? [raw(`count(*) over (${partition}) as ${TOTAL}`)] : []),
  ]).where({ $and: [filter, { $or: parentConditions }] } as FilterQuery<T>);
  await qb.applyFilters();

  const ranked = em
    .getKnex()
    .select('*')
    .from(qb.getKnexQuery().as('ranked'))
    .where(RANK, '<=', size + 1)
    .orderBy([{ column: columns.parent }, { column: RANK }]);
  return (await em.execute(ranked)) as Record<string, unknown>[];
}

/** Returns whether the page statement of a group can count too: a cursor condition would distort it. */
function canCountInPage(group: ChildPageKey[]): boolean {
  return group[0].withTotal && group.every((key) => !key.after);
}

/** Loads the pages of a batch of keys, in one statement per group of keys. */
export async function loadChildRows<T extends { id: string }>(
  scope: RequestScope,
  options: ChildConnectionOptions<T>,
  keys: readonly ChildPageKey[],
): Promise<ChildPage<T>[]> {
  const em = sqlEm(scope);
  const meta = em.getMetadata().get<T>(options.entity.name);
  const columns = childColumns(meta, options);
  const projector = new RowProjector(em, meta);
  const driver = em.getDriver();
  const factory = em.getEntityFactory();
  const results = new Map<ChildPageKey, ChildPage<T>>(keys.map((key) => [key, { rows: [] }]));

  for (const group of groupKeys(keys)) {
    const lateral = !scope.isSqlite && group.every((key) => !key.after);
    const rows = lateral
      ? await selectLateral(em, options, columns, group)
      : await selectRanked(em, options, columns, group);
    const byParent = new Map(group.map((key) => [key.parentId, key]));
    const counted = lateral ? group[0].withTotal : canCountInPage(group);
    if (counted) for (const key of group) results.get(key)!.total = 0;

    for (const row of rows) {
      const parentId = String(row[PARENT] ?? row[columns.parent]);
      const page = results.get(byParent.get(parentId)!)!;
      if (counted) page.total = Number(row[TOTAL]);
      delete row[RANK];
      delete row[TOTAL];
      delete row[PARENT];
      // A parent without children has one row of nulls in the counting lateral join.
      if (row.id === null || row.id === undefined) continue;
      if (group[0].properties) {
        // A parent reference in every row costs an identity-map lookup, so only when selected.
        if (!group[0].properties.includes(options.parentProperty)) delete row[columns.parent];
        page.rows.push(projector.project(row));
        continue;
      }
      // Without a known selection, the rows become managed entities, as em.find makes them.
      const data = driver.mapResult(row as never, meta) as Record<string, unknown>;
      page.rows.push(
        factory.create(options.entity, data as never, {
          merge: true,
          convertCustomTypes: true,
        }) as T,
      );
    }
  }
  return keys.map((key) => results.get(key)!);
}

/** Counts the children of each parent in a batch, in one grouped statement per filter. */
export async function countChildRows<T extends { id: string }>(
  scope: RequestScope,
  options: ChildConnectionOptions<T>,
  keys: readonly ChildPageKey[],
): Promise<number[]> {
  const em = sqlEm(scope);
  const meta = em.getMetadata().get(options.entity.name);
  const parentColumn = meta.properties[options.parentProperty as keyof T & string].fieldNames[0];
  const totals = new Map<string, number>();

  const groups = new Map<string, ChildPageKey[]>();
  for (const key of keys) {
    const groupKey = JSON.stringify(key.filter);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }
  for (const group of groups.values()) {
    const counter = em
      .createQueryBuilder(options.entity, 'child')
      .select([raw(`child.${parentColumn} as parent_id`), raw('count(*) as total')])
      .where({
        $and: [
          group[0].filter,
          { [options.parentProperty]: { $in: group.map((key) => key.parentId) } },
        ],
      } as FilterQuery<T>)
      .groupBy(raw(`child.${parentColumn}`) as never);
    await counter.applyFilters();
    const rows = (await counter.execute('all', false)) as {
      parent_id: string;
      total: number | string;
    }[];
    for (const row of rows)
      totals.set(`${JSON.stringify(group[0].filter)}|${row.parent_id}`, Number(row.total));
  }
  return keys.map((key) => totals.get(`${JSON.stringify(key.filter)}|${key.parentId}`) ?? 0);
}
