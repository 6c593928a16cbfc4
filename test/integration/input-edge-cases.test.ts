import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const cursor = (value: unknown) =>
  Buffer.from(JSON.stringify([value, '00000000-0000-0000-0000-000000000000'])).toString(
    'base64url',
  );

describe.skipIf(!databaseAvailable)('input edge cases', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('rejects a NUL character in a literal', async () => {
    const response = await service.http(`{ customerByCode(code: "A\\u0000") { id } }`);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'query',
    });
  });

  it('rejects a NUL character in a variable', async () => {
    const response = await service.http(
      `query($code: String!) { customerByCode(code: $code) { id } }`,
      {
        code: 'A\u0000',
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'variables.code',
    });
  });

  it.each([
    ['a year beyond 9999', { d: '+275760-09-13T00:00:00.000Z' }],
    ['a date without time', { d: '2008-12-04' }],
    ['a query operator', { $gt: 1 }],
    ['a string for a date', 'x'],
  ])('rejects a cursor with %s', async (_case, value) => {
    const response = await service.http(
      `query($after: String) { repairOrders(first: 5, after: $after) { totalCount } }`,
      {
        after: cursor(value),
      },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it.each(['   ', '\u200b'])('rejects a blank customer name %j', async (name) => {
    const response = await service.http(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`,
      { input: { code: 'BLANK-1', name, kind: 'OPERATOR' } },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
  });

  it('explains a persisted query hash mismatch', async () => {
    const response = await fetch(service.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer test-admin-key-0123456789abcdef',
      },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('cuts a huge value short in the message', async () => {
    const response = await service.http(`query($id: ID!) { customer(id: $id) { id } }`, {
      id: 'x'.repeat(100_000),
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message.length).toBeLessThan(300);
  });
});
