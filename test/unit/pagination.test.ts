import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize } from '../../core/api/pagination.js';
import { fromGlobalId, toGlobalId } from '../../core/api/global-id.js';

const ID = '7d9790b9-0a87-4163-967f-ed6fe74f87ad';

describe('cursors', () => {
  it('round-trip a date sort value', () => {
    const at = new Date('2008-12-08T12:00:00.000Z');
    expect(decodeCursor(encodeCursor(at, ID))).toEqual({ value: at, id: ID });
  });

  it('round-trip a string sort value', () => {
    expect(decodeCursor(encodeCursor('EXC-A', ID))).toEqual({ value: 'EXC-A', id: ID });
  });

  it('reject garbage with the field name', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(GraphQLError);
    expect(() => decodeCursor('not-a-cursor')).toThrow(
      'after "not-a-cursor" is not a valid cursor',
    );
  });
});

describe('pageSize', () => {
  it('defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20);
  });

  it.each([-1, 101, 100000, 1.5])('rejects %s', (first) => {
    expect(() => pageSize(first)).toThrow(/first must be between 0 and 100/);
  });
});

describe('global IDs', () => {
  it('round-trip type and key', () => {
    expect(fromGlobalId(toGlobalId('Equipment', ID), 'id')).toEqual({
      typeName: 'Equipment',
      id: ID,
    });
  });

  it('reject an ID of another type', () => {
    expect(() => fromGlobalId(toGlobalId('Equipment', ID), 'input.customerId', 'Customer')).toThrow(
      /is the ID of a record of type Equipment, not Customer/,
    );
  });

  it('reject a malformed ID', () => {
    expect(() => fromGlobalId('123', 'id')).toThrow('id "123" is not a valid ID');
  });
});
