// Shared by the hostile-operations test and the rejection benchmark.

/** One hostile operation and how a server with the default limits must reject it. */
export interface HostileCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Expected `extensions.code` of the first error. */
  code: string;
  /** Texts the message must contain: the limit, the value, the fix. */
  message?: string[];
  /** Expected `extensions.field`. */
  field?: string;
}

/** Builds a query that nests Customer.equipment and Equipment.customer `levels` times. */
function nestedQuery(levels: number): string {
  let selection = 'code';
  for (let level = 0; level < levels; level += 1) {
    selection = `equipment(first: 1) { edges { node { customer { ${selection} } } } }`;
  }
  return `{ customers(first: 1) { edges { node { ${selection} } } } }`;
}

/** Builds an object literal nested `levels` deep, `{x: {x: … "leaf" …}}`. */
function nestedObject(levels: number): string {
  return `${'{x: '.repeat(levels)}"leaf"${'}'.repeat(levels)}`;
}

/** Builds the same nesting as JSON, for a variable. */
function nestedJson(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { text: 'leaf' };
  for (let level = 0; level < levels; level += 1) value = { x: value };
  return value;
}

const aliases = (count: number, field: string) =>
  Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ');

/**
 * Hostile operations that HTTP and graphql-ws must both reject before execution. The expected
 * messages assume the default operation limits.
 */
export const HOSTILE_CORPUS: HostileCase[] = [
  {
    name: 'deep nesting',
    query: nestedQuery(10),
    code: 'QUERY_TOO_DEEP',
    message: ['nests 44 levels', 'maximum of 12', 'select fewer nested levels'],
  },
  {
    name: 'alias flood',
    query: `{ ${aliases(50, 'customers(first: 1) { totalCount }')} }`,
    code: 'TOO_MANY_ALIASES',
    message: ['50 aliases', 'maximum of 15', 'split the operation'],
  },
  {
    name: '2000 duplicate fields',
    query: `{ customers(first: 1) { edges { node { ${'id '.repeat(2000)} } } } }`,
    code: 'TOO_MANY_TOKENS',
    message: ['maximum of 2000 tokens', 'select fewer fields'],
  },
  {
    name: 'fragment cycle',
    query: `{ customers(first: 1) { ...A } }
      fragment A on CustomerConnection { totalCount ...B }
      fragment B on CustomerConnection { totalCount ...A }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: ['Cannot spread fragment "A" within itself'],
  },
  {
    name: 'oversized document',
    query: `# ${'padding '.repeat(4000)}\n{ __typename }`,
    code: 'DOCUMENT_TOO_LARGE',
    message: ['32017 bytes', 'maximum of 20000', 'send a shorter document'],
  },
  {
    name: 'huge string literal',
    query: `{ customerByCode(code: "${'X'.repeat(40_000)}") { code } }`,
    code: 'DOCUMENT_TOO_LARGE',
    message: ['maximum of 20000', 'pass long values as variables'],
  },
  {
    name: 'first: 100000',
    query: '{ customers(first: 100000) { totalCount } }',
    code: 'BAD_USER_INPUT',
    field: 'first',
    message: ['Query.customers', 'got 100000', 'request at most 100 records'],
  },
  {
    name: 'first: 100000 in a variable',
    query: 'query($n: Int) { customers(first: $n) { totalCount } }',
    variables: { n: 100_000 },
    code: 'BAD_USER_INPUT',
    field: 'first',
    message: ['got 100000', 'request at most 100 records'],
  },
  {
    name: 'connection without first',
    query: '{ customers { totalCount } }',
    code: 'CONNECTION_FIRST_REQUIRED',
    field: 'first',
    message: ['Query.customers', 'pass first (0 to 100)'],
  },
  {
    name: 'nested connection without first',
    query: '{ customers(first: 5) { edges { node { sites { totalCount } } } } }',
    code: 'CONNECTION_FIRST_REQUIRED',
    message: ['Customer.sites'],
  },
  {
    name: 'nested lists over the cost limit',
    query: `{ customers(first: 100) { edges { node {
      equipment(first: 100) { edges { node { repairOrders(first: 100) { totalCount } } } }
    } } } }`,
    code: 'QUERY_TOO_COSTLY',
    message: ['a cost of 1030301', 'maximum cost of 20000', 'lower first on nested lists'],
  },
  {
    name: 'fragment expansion bomb',
    query: [
      '{ customers(first: 1) { ...F0 } }',
      ...Array.from(
        { length: 14 },
        (_, index) =>
          `fragment F${index} on CustomerConnection { ...F${index + 1} ...F${index + 1} }`,
      ),
      'fragment F14 on CustomerConnection { totalCount }',
    ].join('\n'),
    code: 'QUERY_TOO_COSTLY',
    message: ['more than the fields this server evaluates'],
  },
  {
    name: 'directive flood',
    query: `{ ${aliases(30, '__typename @include(if: true)')} }`,
    code: 'TOO_MANY_DIRECTIVES',
    message: ['30 directives', 'maximum of 10'],
  },
  {
    name: 'many operations in one document',
    query: Array.from({ length: 300 }, (_, index) => `query q${index} { __typename }`).join('\n'),
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'unknown operationName',
    query: 'query Known { __typename }',
    operationName: 'Unknown',
    code: 'OPERATION_RESOLUTION_FAILURE',
    message: ['Unknown'],
  },
  {
    name: 'deeply nested input object',
    query: `{ customers(first: 1, filter: ${nestedObject(600)}) { totalCount } }`,
    code: 'TOO_MANY_TOKENS',
  },
  {
    name: 'nested input object within the token limit',
    query: `{ customers(first: 1, filter: { text: "a", x: ${nestedObject(100)} }) { totalCount } }`,
    code: 'BAD_USER_INPUT',
    field: 'filter.x',
  },
  {
    name: 'deeply nested variable',
    query: 'query($filter: CustomerFilter) { customers(first: 1, filter: $filter) { totalCount } }',
    variables: { filter: nestedJson(2000) },
    code: 'BAD_USER_INPUT',
    field: 'filter',
  },
  {
    name: 'syntax error',
    query: '{ customers(first: 1) { totalCount ',
    code: 'GRAPHQL_PARSE_FAILED',
    message: ['Syntax Error'],
  },
];

/** Operations that only a production server, with introspection off, rejects. */
export const PRODUCTION_HOSTILE_CORPUS: HostileCase[] = [
  {
    name: 'introspection with __schema',
    query: '{ __schema { types { name fields { name } } } }',
    code: 'INTROSPECTION_DISABLED',
    message: ['__schema', 'use the schema published with the API'],
  },
  {
    name: 'introspection with __type',
    query: '{ __type(name: "Customer") { fields { name } } }',
    code: 'INTROSPECTION_DISABLED',
    message: ['__type'],
  },
];
