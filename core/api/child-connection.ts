import { raw, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { defineLoader } from '../loaders.js';
import type { RequestScope } from '../request-scope.js';
import type { ConnectionArgs, ConnectionPage } from './connection.js';
import {
  afterCursorCondition,
  cursorKind,
  decodeCursor,
  pageSize,
  toConnectionPage,
  type SortSpec,
} from './pagination.js';

/** Options of a list nested under a parent record, such as `Equipment.repairOrders`. */
export interface ChildConnectionOptions<T> {
  /** Namespaced loader key, `<plugin id>.<name>`. */
  key: string;
  entity: EntityClass<T>;
  /** The child's many-to-one property that points at the parent, such as `equipment`. */
  parentProperty: string;
  sort: SortSpec;
}

interface ChildPageKey {
  parentId: string;
  size: number;
  after?: string;
  filter: Record<string, unknown>;
}

/**
 * Declares a nested connection resolved in one statement for every parent of a level: a window
 * function numbers each parent's children and keeps the first `first + 1` of each. Counts are a
 * second, grouped statement, issued only when a client selects `totalCount`.
 */
export function defineChildConnection<T extends { id: string }>(
  options: ChildConnectionOptions<T>,
) {
  const cacheKeyFn = (key: ChildPageKey) => JSON.stringify(key);
  const pages = defineLoader(
    options.key,
    (scope) =>
      new DataLoader<ChildPageKey, T[], string>((keys) => loadChildRows(scope, options, keys), {
        cacheKeyFn,
      }),
  );
  const counts = defineLoader(
    `${options.key}Count`,
    (scope) =>
      new DataLoader<ChildPageKey, number, string>((keys) => countChildRows(scope, options, keys), {
        cacheKeyFn,
      }),
  );

  return {
    /** Returns one parent's page; parents resolved in the same tick share one statement. */
    async page(
      scope: RequestScope,
      parentId: string,
      args: ConnectionArgs,
      filter: FilterQuery<T> = {},
    ): Promise<ConnectionPage<T>> {
      const size = pageSize(args.first);
      if (args.after)
        decodeCursor(
          args.after,
          'after',
          cursorKind(scope, options.entity.name, options.sort.property),
        );
      const key: ChildPageKey = {
        parentId,
        size,
        after: args.after,
        filter: filter as Record<string, unknown>,
      };
      const rows = await scope.loader(pages).load(key);
      const countKey = { parentId, size: 0, filter: key.filter };
      return toConnectionPage(rows, size, options.sort, Boolean(args.after), () =>
        scope.loader(counts).load(countKey),
      );
    },
  };
}

function sqlEm(scope: RequestScope): SqlEntityManager {
  return scope.em as unknown as SqlEntityManager;
}

async function loadChildRows<T extends { id: string }>(
  scope: RequestScope,
  options: ChildConnectionOptions<T>,
  keys: readonly ChildPageKey[],
): Promise<T[][]> {
  const em = sqlEm(scope);
  const meta = em.getMetadata().get(options.entity.name);
  const parentColumn = meta.properties[options.parentProperty as keyof T & string].fieldNames[0];
  const sortColumn = meta.properties[options.sort.property as keyof T & string].fieldNames[0];
  const direction = options.sort.direction.toLowerCase();
  const results = new Map<ChildPageKey, T[]>(keys.map((key) => [key, []]));

  // Keys that share a page size and a filter go into one statement; normally that is all of them.
  // A parent asked for twice (aliases with different cursors) goes into a second statement,
  // because the window function ranks each parent's rows once.
  const groups = new Map<string, ChildPageKey[]>();
  const seen = new Map<string, number>();
  for (const key of keys) {
    const parentKey = JSON.stringify([key.size, key.filter, key.parentId]);
    const occurrence = seen.get(parentKey) ?? 0;
    seen.set(parentKey, occurrence + 1);
    const groupKey = JSON.stringify([key.size, key.filter, occurrence]);
    groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
  }

  for (const group of groups.values()) {
    const byParent = new Map(group.map((key) => [key.parentId, key]));
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

    const qb = em.createQueryBuilder(options.entity, 'child');
    qb.select([
      'child.*',
      raw(
        `row_number() over (partition by child.${parentColumn} order by child.${sortColumn} ${direction}, child.id ${direction}) as row_rank`,
      ),
    ]).where({ $and: [filter, { $or: parentConditions }] } as FilterQuery<T>);
    // Query builders skip ORM filters unless asked, and the tenant filter must always apply.
    await qb.applyFilters();

    const knex = em.getKnex();
    const ranked = knex
      .select('*')
      .from(qb.getKnexQuery().as('ranked'))
      .where('row_rank', '<=', size + 1)
      .orderBy([{ column: parentColumn }, { column: 'row_rank' }]);
    const rows = (await em.execute(ranked)) as Record<string, unknown>[];
    for (const row of rows) {
      delete row.row_rank;
      const child = em.map(options.entity, row as never) as T;
      const key = byParent.get(referenceId(child, options.parentProperty) ?? '');
      if (key) results.get(key)!.push(child);
    }
  }

  return keys.map((key) => results.get(key)!);
}

async function countChildRows<T extends { id: string }>(
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

function referenceId(entity: object, property: string): string | undefined {
  const reference = (entity as Record<string, { id?: string } | undefined>)[property];
  return reference?.id;
}
