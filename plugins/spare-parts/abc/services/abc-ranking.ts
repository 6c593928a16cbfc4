import Big from 'big.js';
import { AbcClass } from '../entities/abc.enums.js';

/** A part and its consumption in the window, as the ranking reads it. */
export interface AbcCandidate {
  partId: string;
  partNumber: string;
  /** Consumption in the basis of the run (value, quantity or months), zero or more. */
  basisValue: string;
  critical: boolean;
}

/** Class limits of a run. */
export interface AbcRules {
  /** Highest cumulative share, in percent, of a class A part, such as `"80"`. */
  thresholdA: string;
  /** Highest cumulative share, in percent, of a class B part, such as `"95"`. */
  thresholdB: string;
  /**
   * Lowest class of a critical part: B raises critical C parts to B, A raises every critical
   * part to A, and C leaves critical parts where the ranking puts them.
   */
  criticalMinimumClass: AbcClass;
}

/** A ranked part with the figures that explain its class. */
export interface AbcRanking extends AbcCandidate {
  /** 1-based position after sorting by basis descending, then part number ascending. */
  rank: number;
  /** Sum of the basis of this part and of every part ranked before it. */
  cumulativeValue: string;
  /**
   * Cumulative share in percent, rounded up to {@link SHARE_DECIMALS} decimals. Rounding up keeps
   * the comparison with a threshold of at most that many decimals the same as for the exact share.
   */
  cumulativeShare: string;
  /** Class from the cumulative share alone. */
  rankedClass: AbcClass;
  /** Final class, after the critical rule. */
  abcClass: AbcClass;
  raisedByCriticalRule: boolean;
}

export interface AbcRankingResult {
  rankings: AbcRanking[];
  /** Sum of the basis over all parts. */
  total: string;
}

export const SHARE_DECIMALS = 6;

const CLASS_ORDER: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/** Compares part numbers by UTF-16 code units, the order a byte-wise collation gives ASCII. */
function comparePartNumbers(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

const SHARE_UNIT = new Big(10).pow(SHARE_DECIMALS);

/**
 * Returns `scaled / total` rounded up to {@link SHARE_DECIMALS} decimals. The quotient is
 * truncated and then checked by multiplying back, because big.js rounds a division to 20 decimals
 * half up, which could pull a share just above a threshold down onto it.
 */
function shareRoundedUp(scaled: Big, total: Big): string {
  if (total.eq(0)) return new Big(0).toFixed(SHARE_DECIMALS);
  const units = scaled.times(SHARE_UNIT);
  let quotient = units.div(total).round(0, Big.roundDown);
  if (quotient.times(total).lt(units)) quotient = quotient.plus(1);
  return quotient.div(SHARE_UNIT).toFixed(SHARE_DECIMALS);
}

/**
 * Ranks parts by their basis and assigns ABC classes.
 *
 * Parts are sorted by basis descending, ties by part number ascending. A part whose running
 * cumulative share, itself included, is at most `thresholdA` percent is class A, at most
 * `thresholdB` percent class B, and otherwise C. A part with zero basis is always C, whatever
 * its share. The shares are compared exactly, as `cumulative × 100 ≤ threshold × total`, so no
 * rounding decides a boundary. A critical part is then raised to `criticalMinimumClass`.
 *
 * @throws Error when a basis is negative or not a decimal. Callers validate the thresholds.
 */
export function rankAbcClasses(candidates: AbcCandidate[], rules: AbcRules): AbcRankingResult {
  const parsed = candidates.map((candidate) => {
    const basis = new Big(candidate.basisValue);
    if (basis.lt(0)) {
      throw new Error(`Part ${candidate.partNumber} has a negative basis ${candidate.basisValue}`);
    }
    return { candidate, basis };
  });
  parsed.sort(
    (a, b) =>
      b.basis.cmp(a.basis) || comparePartNumbers(a.candidate.partNumber, b.candidate.partNumber),
  );

  const total = parsed.reduce((sum, { basis }) => sum.plus(basis), new Big(0));
  const limitA = total.times(rules.thresholdA);
  const limitB = total.times(rules.thresholdB);
  let cumulative = new Big(0);
  const rankings = parsed.map(({ candidate, basis }, index): AbcRanking => {
    cumulative = cumulative.plus(basis);
    const scaled = cumulative.times(100);
    let rankedClass = AbcClass.C;
    if (basis.gt(0)) {
      if (scaled.lte(limitA)) rankedClass = AbcClass.A;
      else if (scaled.lte(limitB)) rankedClass = AbcClass.B;
    }
    const raise =
      candidate.critical && CLASS_ORDER[rules.criticalMinimumClass] < CLASS_ORDER[rankedClass];
    return {
      ...candidate,
      basisValue: basis.toString(),
      rank: index + 1,
      cumulativeValue: cumulative.toString(),
      cumulativeShare: shareRoundedUp(scaled, total),
      rankedClass,
      abcClass: raise ? rules.criticalMinimumClass : rankedClass,
      raisedByCriticalRule: raise,
    };
  });
  return { rankings, total: total.toString() };
}
