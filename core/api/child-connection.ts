import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { defineLoader } from '../loaders.js';
import type { RequestScope } from '../request-scope.js';
import {
  countChildRows,
  loadChildRows,
  type ChildPage,
  type ChildPageKey,
} from './child-connection-queries.js';
import type { ConnectionArgs, ConnectionPage } from './connection.js';
import { propertiesForFields, selectedNodeFields } from './row-projection.js';
import { selectsField } from './selection.js';
import {
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

/**
 * Declares a nested connection resolved in one statement for every parent of a level. On
 * PostgreSQL a lateral join reads the first `first + 1` children of each parent through the
 * parent's index. On SQLite, and for pages after a cursor, a window function numbers each
 * parent's children instead. When the resolver passes its `info` and the client selects
 * `totalCount`, the same statement counts each parent's children. Otherwise a grouped count runs
 * as a second statement, and only if `totalCount` is read. With `info`, the statement also reads
 * only the columns that the selected node fields need, and the rows become read-only instances
 * (see {@link RowProjector}).
 */
export function defineChildConnection<T extends { id: string }>(
  options: ChildConnectionOptions<T>,
) {
  const cacheKeyFn = (key: ChildPageKey) => JSON.stringify(key);
  const pages = defineLoader(
    options.key,
    (scope) =>
      new DataLoader<ChildPageKey, ChildPage<T>, string>(
        (keys) => loadChildRows(scope, options, keys),
        { cacheKeyFn },
      ),
  );
  const counts = defineLoader(
    `${options.key}Count`,
    (scope) =>
      new DataLoader<ChildPageKey, number, string>((keys) => countChildRows(scope, options, keys), {
        cacheKeyFn,
      }),
  );

  return {
    /**
     * Returns one parent's page; parents resolved in the same tick share one statement. Pass the
     * resolver's `info` so that the statement reads only the selected columns and a selected
     * `totalCount` too.
     */
    async page(
      scope: RequestScope,
      parentId: string,
      args: ConnectionArgs,
      filter: FilterQuery<T> = {},
      info?: GraphQLResolveInfo,
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
        withTotal: info !== undefined && selectsField(info, 'totalCount'),
        // The id and the sort value build the cursors. The statement reads the parent column too.
        properties: info
          ? propertiesForFields(
              scope.em.getMetadata().get<T>(options.entity.name),
              selectedNodeFields(info),
              ['id', options.sort.property],
            )
          : undefined,
      };
      const { rows, total } = await scope.loader(pages).load(key);
      const countKey: ChildPageKey = { parentId, size: 0, filter: key.filter, withTotal: false };
      return toConnectionPage(rows, size, options.sort, Boolean(args.after), () =>
        total !== undefined ? Promise.resolve(total) : scope.loader(counts).load(countKey),
      );
    },
  };
}
