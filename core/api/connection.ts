import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';

/** Largest page a client may request with `first`. */
export const MAX_PAGE_SIZE = 100;
/**
 * Page size when `first` is absent. Only in-process execution gets here: over HTTP and graphql-ws
 * the operation limits reject a list without `first` before it runs.
 */
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType('PageInfo', {
  description: 'Where a page sits in its list (Relay cursor connections).',
})
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Forward pagination arguments shared by every list. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Number of records to return, 0 to ${MAX_PAGE_SIZE}. Required: the server rejects a list without it.`,
  })
  first?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return records after this cursor (the endCursor of the previous page).',
  })
  after?: string;
}

/** One page of a list as resolvers return it; `totalCount` is only computed when selected. */
export interface ConnectionPage<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

/** Builds the `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this record, for `after`.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records.` })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of records in the whole list, across all pages.' })
    totalCount!: number;
  }

  return Connection as ClassType<ConnectionPage<T>>;
}
