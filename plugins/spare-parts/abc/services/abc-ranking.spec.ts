import { describe, expect, it } from 'vitest';
import { AbcClass } from '../entities/abc.enums.js';
import { rankAbcClasses, type AbcCandidate, type AbcRules } from './abc-ranking.js';

const DEFAULT_RULES: AbcRules = {
  thresholdA: '80',
  thresholdB: '95',
  criticalMinimumClass: AbcClass.B,
};

function part(partNumber: string, basisValue: string, critical = false): AbcCandidate {
  return { partId: `id-${partNumber}`, partNumber, basisValue, critical };
}

function classesOf(candidates: AbcCandidate[], rules = DEFAULT_RULES): Record<string, string> {
  const { rankings } = rankAbcClasses(candidates, rules);
  return Object.fromEntries(rankings.map((ranking) => [ranking.partNumber, ranking.abcClass]));
}

describe('rankAbcClasses', () => {
  it('sorts by basis descending, then part number', () => {
    const { rankings } = rankAbcClasses(
      [part('P-3', '5'), part('P-1', '10'), part('P-4', '5'), part('P-2', '5')],
      DEFAULT_RULES,
    );
    expect(rankings.map((ranking) => ranking.partNumber)).toEqual(['P-1', 'P-2', 'P-3', 'P-4']);
    expect(rankings.map((ranking) => ranking.rank)).toEqual([1, 2, 3, 4]);
  });

  it('orders tied part numbers by code unit, not locale', () => {
    const { rankings } = rankAbcClasses(
      [part('b-1', '1'), part('B-1', '1'), part('a-1', '1'), part('A-1', '1')],
      DEFAULT_RULES,
    );
    expect(rankings.map((ranking) => ranking.partNumber)).toEqual(['A-1', 'B-1', 'a-1', 'b-1']);
  });

  it('includes shares exactly at thresholds', () => {
    // Cumulative shares: 80, 95, 100.
    expect(classesOf([part('P-1', '80'), part('P-2', '15'), part('P-3', '5')])).toEqual({
      'P-1': 'A',
      'P-2': 'B',
      'P-3': 'C',
    });
  });

  it('puts a share just above a threshold in the next class', () => {
    // Cumulative shares: 80.0001, 95.0001, 100.
    const classes = classesOf([part('P-1', '800001'), part('P-2', '150000'), part('P-3', '49999')]);
    expect(classes).toEqual({ 'P-1': 'B', 'P-2': 'C', 'P-3': 'C' });
  });

  it('decides boundaries exactly where floats drift', () => {
    // In binary floating point (3.2 + 2.3 + 2.1) / 9.5 * 100 is 80.00000000000001, which
    // would make P-3 class B. Exactly, it is 80 %, so P-3 is class A.
    const { rankings } = rankAbcClasses(
      [
        part('P-1', '3.2'),
        part('P-2', '2.3'),
        part('P-3', '2.1'),
        part('P-4', '0.7'),
        part('P-5', '0.6'),
        part('P-6', '0.6'),
      ],
      DEFAULT_RULES,
    );
    expect(rankings.map((ranking) => ranking.abcClass)).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
    expect(rankings[2].cumulativeShare).toBe('80.000000');
    expect(rankings[2].cumulativeValue).toBe('7.6');
  });

  it('counts the part itself in its cumulative share', () => {
    // A single part with all the consumption has a share of 100 %, so it is class C.
    const { rankings } = rankAbcClasses([part('P-1', '10'), part('P-2', '0')], DEFAULT_RULES);
    expect(rankings[0].cumulativeShare).toBe('100.000000');
    expect(rankings[0].abcClass).toBe(AbcClass.C);
  });

  it('rounds displayed shares up so they agree with the class', () => {
    // Shares 2/3 of 100 and 100: 66.6666…, shown as 66.666667.
    const { rankings } = rankAbcClasses([part('P-1', '2'), part('P-2', '1')], DEFAULT_RULES);
    expect(rankings[0].cumulativeShare).toBe('66.666667');
    expect(rankings[0].cumulativeValue).toBe('2');
  });

  it('puts zero consumption in C even under a 100 % B threshold', () => {
    const classes = classesOf([part('P-1', '70'), part('P-2', '30'), part('P-3', '0')], {
      ...DEFAULT_RULES,
      thresholdB: '100',
    });
    expect(classes).toEqual({ 'P-1': 'A', 'P-2': 'B', 'P-3': 'C' });
  });

  it('puts every part in C when nothing was consumed', () => {
    const { rankings, total } = rankAbcClasses([part('P-2', '0'), part('P-1', '0', true)], {
      ...DEFAULT_RULES,
      criticalMinimumClass: AbcClass.C,
    });
    expect(total).toBe('0');
    expect(rankings.map((ranking) => [ranking.partNumber, ranking.abcClass])).toEqual([
      ['P-1', 'C'],
      ['P-2', 'C'],
    ]);
    expect(rankings.every((ranking) => ranking.cumulativeShare === '0.000000')).toBe(true);
  });

  it('returns an empty ranking for no parts', () => {
    expect(rankAbcClasses([], DEFAULT_RULES)).toEqual({ rankings: [], total: '0' });
  });

  it('raises a critical C part to B', () => {
    const { rankings } = rankAbcClasses(
      [part('P-1', '80'), part('P-2', '15'), part('P-3', '5', true), part('P-4', '0', true)],
      DEFAULT_RULES,
    );
    const byNumber = Object.fromEntries(rankings.map((ranking) => [ranking.partNumber, ranking]));
    expect(byNumber['P-3'].rankedClass).toBe(AbcClass.C);
    expect(byNumber['P-3'].abcClass).toBe(AbcClass.B);
    expect(byNumber['P-3'].raisedByCriticalRule).toBe(true);
    // Zero consumption is C by the ranking, and the critical rule still raises it.
    expect(byNumber['P-4'].abcClass).toBe(AbcClass.B);
    expect(byNumber['P-4'].raisedByCriticalRule).toBe(true);
  });

  it('leaves critical A and B parts unchanged', () => {
    const { rankings } = rankAbcClasses(
      [part('P-1', '80', true), part('P-2', '15', true), part('P-3', '5')],
      DEFAULT_RULES,
    );
    expect(rankings.map((ranking) => ranking.abcClass)).toEqual(['A', 'B', 'C']);
    expect(rankings.some((ranking) => ranking.raisedByCriticalRule)).toBe(false);
  });

  it('raises critical parts to A when the rule says A', () => {
    const { rankings } = rankAbcClasses(
      [part('P-1', '80'), part('P-2', '15', true), part('P-3', '5', true)],
      { ...DEFAULT_RULES, criticalMinimumClass: AbcClass.A },
    );
    expect(rankings.map((ranking) => ranking.abcClass)).toEqual(['A', 'A', 'A']);
    expect(rankings.map((ranking) => ranking.raisedByCriticalRule)).toEqual([false, true, true]);
  });

  it('ignores the critical flag when the rule says C', () => {
    const { rankings } = rankAbcClasses([part('P-1', '80'), part('P-2', '20', true)], {
      ...DEFAULT_RULES,
      criticalMinimumClass: AbcClass.C,
    });
    expect(rankings[1].abcClass).toBe(AbcClass.C);
    expect(rankings[1].raisedByCriticalRule).toBe(false);
  });

  it('applies custom thresholds', () => {
    const classes = classesOf(
      [part('P-1', '50'), part('P-2', '20'), part('P-3', '20'), part('P-4', '10')],
      { ...DEFAULT_RULES, thresholdA: '50', thresholdB: '70.5' },
    );
    expect(classes).toEqual({ 'P-1': 'A', 'P-2': 'B', 'P-3': 'C', 'P-4': 'C' });
  });

  it('keeps ties in the class their cumulative share gives', () => {
    // Four equal parts: shares 25, 50, 75, 100. The tie order decides who is A.
    const classes = classesOf([
      part('P-4', '1'),
      part('P-3', '1'),
      part('P-2', '1'),
      part('P-1', '1'),
    ]);
    expect(classes).toEqual({ 'P-1': 'A', 'P-2': 'A', 'P-3': 'A', 'P-4': 'C' });
  });

  it('rejects a negative basis', () => {
    expect(() => rankAbcClasses([part('P-1', '-1')], DEFAULT_RULES)).toThrow(
      'Basis of part P-1 "-1" is negative or not a decimal',
    );
  });
});
