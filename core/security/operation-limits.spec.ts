import { buildSchema, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultOperationLimits, type AppConfig } from '../config.js';
import { checkDocumentSize } from './limits/document-size.js';
import { checkOperationCost } from './limits/operation-cost.js';
import { limitValidationRules } from './limits/validation-rules.js';
import { createOperationLimits } from './operation-limits.js';

const schema = buildSchema(`
  type Query { customers(first: Int, after: String): CustomerConnection! customer: Customer }
  type Customer { code: String! sites(first: Int): SiteConnection! parent: Customer }
  type Site { name: String! }
  type CustomerConnection { edges: [CustomerEdge!]! totalCount: Int! }
  type CustomerEdge { node: Customer! }
  type SiteConnection { edges: [SiteEdge!]! totalCount: Int! }
  type SiteEdge { node: Site! }
`);

const limits = defaultOperationLimits('production');

function validationErrors(query: string): readonly GraphQLError[] {
  return validate(schema, parse(query), [...specifiedRules, ...limitValidationRules(limits)]);
}

function cost(query: string, variables?: Record<string, unknown>) {
  return checkOperationCost(schema, { document: parse(query), variables }, 1_000);
}

describe('checkDocumentSize', () => {
  it('counts bytes, not characters', () => {
    const query = `{ customer { code } } # ${'油'.repeat(7_000)}`;
    expect(query.length).toBeLessThan(limits.maxDocumentBytes);
    expect(checkDocumentSize(query, limits)?.extensions).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      value: Buffer.byteLength(query),
    });
  });

  it('does not count comments as tokens', () => {
    const comments = '# comment\n'.repeat(1_000);
    expect(checkDocumentSize(`${comments}{ customer { code } }`, limits)).toBeUndefined();
  });

  it('rejects one token over the limit', () => {
    const fields = (count: number) => `{ customer { ${'code '.repeat(count)}} }`;
    // Braces and `customer` are 5 tokens.
    expect(checkDocumentSize(fields(limits.maxTokens - 5), limits)).toBeUndefined();
    expect(checkDocumentSize(fields(limits.maxTokens - 4), limits)?.extensions.code).toBe(
      'TOO_MANY_TOKENS',
    );
  });

  it('leaves a syntax error to the parser', () => {
    expect(checkDocumentSize('{ customer { code "unterminated', limits)).toBeUndefined();
  });
});

describe('limit validation rules', () => {
  it('reports the depth found', () => {
    const query = `{ customer { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`;
    const [error] = validationErrors(query);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12, value: 14 });
  });

  it('adds no depth for a fragment spread', () => {
    const query = `{ customer { ...A } } fragment A on Customer { ${'parent { '.repeat(9)}code${' }'.repeat(9)} }`;
    expect(validationErrors(query)).toEqual([]);
  });

  it('rejects __schema and __type but not __typename', () => {
    expect(validationErrors('{ __typename }')).toEqual([]);
    expect(validationErrors('{ __schema { queryType { name } } }')[0].extensions.code).toBe(
      'INTROSPECTION_DISABLED',
    );
    expect(validationErrors('{ __type(name: "Site") { name } }')[0].extensions.code).toBe(
      'INTROSPECTION_DISABLED',
    );
  });
});

describe('checkOperationCost', () => {
  it('multiplies a connection by its first', () => {
    // customers: 1 + 10 × (edges 1 + node 1 + code 1 + sites (1 + 5 × totalCount 1)) = 91.
    const query =
      '{ customers(first: 10) { edges { node { code sites(first: 5) { totalCount } } } } }';
    expect(cost(query)).toBeUndefined();
    const expensive = query.replace('first: 10', 'first: 20').replace('first: 5', 'first: 99');
    expect(cost(expensive)?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', value: 2061 });
  });

  it('names every connection without first', () => {
    const error = cost('{ customers { edges { node { sites { totalCount } } } } }');
    expect(error?.extensions).toMatchObject({
      code: 'CONNECTION_FIRST_REQUIRED',
      fields: ['Customer.sites', 'Query.customers'],
    });
  });

  it('reads first from variables', () => {
    const query = 'query($n: Int) { customers(first: $n) { totalCount } }';
    expect(cost(query, { n: 100 })).toBeUndefined();
    expect(cost(query, { n: 101 })?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect(cost(query, {})?.extensions.code).toBe('CONNECTION_FIRST_REQUIRED');
  });

  it('leaves invalid variables to execution', () => {
    expect(cost('query($n: Int) { customers(first: $n) { totalCount } }', { n: 'x' })).toBe(
      undefined,
    );
  });
});

describe('hideSuggestions', () => {
  const config = (environment: AppConfig['environment']): AppConfig => ({
    environment,
    host: '127.0.0.1',
    port: 0,
    database: { kind: 'sqlite', file: ':memory:' },
    logLevel: 'silent',
    demoData: false,
    plugins: 'all',
    jwt: {},
  });
  const message = 'Cannot query field "cod" on type "Customer". Did you mean "code"?';

  it('removes suggestions when introspection is off', () => {
    const hidden = createOperationLimits(config('production'), schema).hideSuggestions({ message });
    expect(hidden.message).toBe('Cannot query field "cod" on type "Customer".');
  });

  it('disables persisted queries by configuration', () => {
    const options = createOperationLimits(
      { ...config('production'), limits: { ...limits, persistedQueries: false } },
      schema,
    ).apolloOptions();
    expect(options.persistedQueries).toBe(false);
  });

  it('keeps suggestions when introspection is on', () => {
    const shown = createOperationLimits(config('development'), schema).hideSuggestions({ message });
    expect(shown.message).toBe(message);
  });
});
