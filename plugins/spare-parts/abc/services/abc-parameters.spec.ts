import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AbcBasis, AbcClass } from '../entities/abc.enums.js';
import { resolveAbcParameters, subtractMonths, windowLengthInMonths } from './abc-parameters.js';

const NOW = new Date('2026-12-04T10:00:00.000Z');

function fieldOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.field;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('subtractMonths', () => {
  it.each([
    ['2002-04-01T00:00:00.000Z', 12, '2001-04-01T00:00:00.000Z'],
    ['2002-03-31T12:30:00.000Z', 1, '2002-02-28T12:30:00.000Z'],
    ['2004-03-31T00:00:00.000Z', 1, '2004-02-29T00:00:00.000Z'],
    ['2002-01-15T00:00:00.000Z', 13, '2000-12-15T00:00:00.000Z'],
  ])('moves %s back %i months', (from, months, expected) => {
    expect(subtractMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});

describe('windowLengthInMonths', () => {
  it('counts calendar windows in whole months', () => {
    const start = new Date('1998-01-01T00:00:00.000Z');
    expect(windowLengthInMonths(start, new Date('2002-04-01T00:00:00.000Z'))).toBe(51);
    expect(windowLengthInMonths(start, new Date('1999-01-01T00:00:00.000Z'))).toBe(12);
  });

  it('is at least one month', () => {
    const start = new Date('2002-01-01T00:00:00.000Z');
    expect(windowLengthInMonths(start, new Date('2002-01-02T00:00:00.000Z'))).toBe(1);
  });
});

describe('resolveAbcParameters', () => {
  it('applies the defaults', () => {
    const parameters = resolveAbcParameters({}, NOW);
    expect(parameters).toEqual({
      basis: AbcBasis.VALUE,
      classifiedAt: NOW,
      allMonths: false,
      windowStart: new Date('2025-12-04T10:00:00.000Z'),
      windowEnd: NOW,
      thresholdA: '80',
      thresholdB: '95',
      criticalMinimumClass: AbcClass.B,
    });
  });

  it('takes an explicit window', () => {
    const parameters = resolveAbcParameters(
      {
        windowStart: new Date('2001-01-01T00:00:00.000Z'),
        windowEnd: new Date('2001-07-01T00:00:00.000Z'),
      },
      NOW,
    );
    expect(parameters.windowStart?.toISOString()).toBe('2001-01-01T00:00:00.000Z');
    expect(parameters.windowEnd?.toISOString()).toBe('2001-07-01T00:00:00.000Z');
  });

  it('leaves the window open for all months', () => {
    const parameters = resolveAbcParameters({ allMonths: true }, NOW);
    expect(parameters.allMonths).toBe(true);
    expect(parameters.windowStart).toBeNull();
    expect(parameters.windowEnd).toBeNull();
  });

  it('normalises thresholds', () => {
    const parameters = resolveAbcParameters({ thresholdA: '70.50', thresholdB: ' 100 ' }, NOW);
    expect(parameters.thresholdA).toBe('70.5');
    expect(parameters.thresholdB).toBe('100');
  });

  it.each([
    [{ thresholdA: '80', thresholdB: '80' }, 'input.thresholdB'],
    [{ thresholdA: '96' }, 'input.thresholdB'],
    [{ thresholdB: '100.0001' }, 'input.thresholdB'],
    [{ thresholdA: '-5' }, 'input.thresholdA'],
    [{ thresholdA: 'abc' }, 'input.thresholdA'],
    [{ windowMonths: 601 }, 'input.windowMonths'],
    [{ windowMonths: 1.5 }, 'input.windowMonths'],
    [{ windowEnd: new Date('2001-01-01T00:00:00.000Z'), windowStart: NOW }, 'input.windowEnd'],
    [{ windowEnd: NOW, windowStart: NOW }, 'input.windowEnd'],
    [{ allMonths: true, windowStart: NOW }, 'input.windowStart'],
    [{ allMonths: true, windowEnd: NOW }, 'input.windowEnd'],
  ])('rejects %j naming %s', (input, field) => {
    expect(fieldOf(() => resolveAbcParameters(input, NOW))).toBe(field);
  });
});
