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

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** The digits of a non-negative decimal before and after the point, such as `7` and `6` for 7.6. */
interface FixedPoint {
  digits: string;
  fraction: string;
}

function parseNonNegative(value: string, label: string): FixedPoint {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`${label} ${JSON.stringify(value)} is negative or not a decimal`);
  return { digits: match[1], fraction: match[2] ?? '' };
}

/** Returns the decimal as a count of 10^-scale units, such as 76 for 7.6 at scale 1. */
function toUnits(value: FixedPoint, scale: number): bigint {
  return BigInt(value.digits + value.fraction.padEnd(scale, '0'));
}

/** Formats units of 10^-scale as a decimal without trailing zeros, such as `7.6` or `89`. */
function formatUnits(units: bigint, scale: number): string {
  const text = units.toString().padStart(scale + 1, '0');
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * Returns `cumulative × 100 / total` in percent, rounded up to {@link SHARE_DECIMALS} decimals.
 * Rounding up keeps the shown share on the same side of a threshold as the exact share.
 */
function shareRoundedUp(cumulative: bigint, total: bigint): string {
  if (total === 0n) return (0).toFixed(SHARE_DECIMALS);
  const numerator = cumulative * 100n * 10n ** BigInt(SHARE_DECIMALS);
  const quotient = (numerator + total - 1n) / total;
  const text = quotient.toString().padStart(SHARE_DECIMALS + 1, '0');
  return `${text.slice(0, -SHARE_DECIMALS)}.${text.slice(-SHARE_DECIMALS)}`;
}

/**
 * Ranks parts by their basis and assigns ABC classes.
 *
 * Parts are sorted by basis descending, ties by part number ascending. A part whose running
 * cumulative share, itself included, is at most `thresholdA` percent is class A, at most
 * `thresholdB` percent class B, and otherwise C. A part with zero basis is always C, whatever
 * its share. A critical part is then raised to `criticalMinimumClass`.
 *
 * All arithmetic is on integers (BigInt) at the largest number of decimals among the inputs, and
 * a share is compared as `cumulative × 100 ≤ threshold × total`, so no rounding decides a class.
 *
 * @throws Error when a basis is negative or not a decimal. Callers validate the thresholds.
 */
export function rankAbcClasses(candidates: AbcCandidate[], rules: AbcRules): AbcRankingResult {
  const values = candidates.map((candidate) =>
    parseNonNegative(candidate.basisValue, `Basis of part ${candidate.partNumber}`),
  );
  const scale = values.reduce((max, value) => Math.max(max, value.fraction.length), 0);
  const parsed = candidates.map((candidate, index) => ({
    candidate,
    basis: toUnits(values[index], scale),
  }));
  parsed.sort((a, b) => {
    if (a.basis !== b.basis) return a.basis > b.basis ? -1 : 1;
    return comparePartNumbers(a.candidate.partNumber, b.candidate.partNumber);
  });

  const thresholdA = parseNonNegative(rules.thresholdA, 'thresholdA');
  const thresholdB = parseNonNegative(rules.thresholdB, 'thresholdB');
  const thresholdScale = Math.max(thresholdA.fraction.length, thresholdB.fraction.length);
  const total = parsed.reduce((sum, { basis }) => sum + basis, 0n);
  // cumulative × 100 ≤ threshold × total, with the thresholds' decimals moved to the left side.
  const limitA = toUnits(thresholdA, thresholdScale) * total;
  const limitB = toUnits(thresholdB, thresholdScale) * total;
  const percentScale = 100n * 10n ** BigInt(thresholdScale);
  let cumulative = 0n;
  const rankings = parsed.map(({ candidate, basis }, index): AbcRanking => {
    cumulative += basis;
    const scaled = cumulative * percentScale;
    let rankedClass = AbcClass.C;
    if (basis > 0n) {
      if (scaled <= limitA) rankedClass = AbcClass.A;
      else if (scaled <= limitB) rankedClass = AbcClass.B;
    }
    const raise =
      candidate.critical && CLASS_ORDER[rules.criticalMinimumClass] < CLASS_ORDER[rankedClass];
    return {
      ...candidate,
      basisValue: formatUnits(basis, scale),
      rank: index + 1,
      cumulativeValue: formatUnits(cumulative, scale),
      cumulativeShare: shareRoundedUp(cumulative, total),
      rankedClass,
      abcClass: raise ? rules.criticalMinimumClass : rankedClass,
      raisedByCriticalRule: raise,
    };
  });
  return { rankings, total: formatUnits(total, scale) };
}
