import Big from 'big.js';
import { abcErrors } from '../abc-errors.js';
import type { RunAbcClassificationInput } from '../api/abc-classification.input.js';
import { ABC_DEFAULTS } from '../api/abc-classification.input.js';
import type { AbcBasis, AbcClass } from '../entities/abc.enums.js';

/** Validated parameters of a run, with its window resolved. */
export interface AbcRunParameters {
  basis: AbcBasis;
  classifiedAt: Date;
  allMonths: boolean;
  /** Window bounds; both null for a run over all months, which reads the span from the ledger. */
  windowStart: Date | null;
  windowEnd: Date | null;
  thresholdA: string;
  thresholdB: string;
  criticalMinimumClass: AbcClass;
}

const THRESHOLD = /^\d{1,3}(\.\d{1,4})?$/;
const MAX_WINDOW_MONTHS = 600;
/** Mean length of a Gregorian month in days: 365.2425 / 12. */
const DAYS_PER_MONTH = 30.436875;

/** Returns `date` moved back by whole calendar months in UTC, clamped to the month's last day. */
export function subtractMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = date.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** Returns the length of a window in months: days divided by the mean month, rounded, at least 1. */
export function windowLengthInMonths(start: Date, end: Date): number {
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  return Math.max(1, Math.round(days / DAYS_PER_MONTH));
}

function validateThreshold(field: string, value: string): Big {
  const trimmed = value.trim();
  if (!THRESHOLD.test(trimmed)) throw abcErrors.thresholdOutOfRange(field, value);
  const threshold = new Big(trimmed);
  if (threshold.lte(0) || threshold.gt(100)) throw abcErrors.thresholdOutOfRange(field, value);
  return threshold;
}

/**
 * Validates the input of a run and resolves its window. Throws BAD_USER_INPUT naming the first
 * invalid field, before anything is read or written.
 */
export function resolveAbcParameters(
  input: RunAbcClassificationInput,
  now: Date = new Date(),
): AbcRunParameters {
  const thresholdAText = input.thresholdA ?? ABC_DEFAULTS.thresholdA;
  const thresholdBText = input.thresholdB ?? ABC_DEFAULTS.thresholdB;
  const thresholdA = validateThreshold('input.thresholdA', thresholdAText);
  const thresholdB = validateThreshold('input.thresholdB', thresholdBText);
  if (thresholdB.lte(thresholdA)) {
    throw abcErrors.thresholdsNotIncreasing(thresholdAText, thresholdBText);
  }

  const classifiedAt = input.classifiedAt ?? now;
  const common = {
    basis: input.basis ?? ABC_DEFAULTS.basis,
    classifiedAt,
    thresholdA: thresholdA.toString(),
    thresholdB: thresholdB.toString(),
    criticalMinimumClass: input.criticalMinimumClass ?? ABC_DEFAULTS.criticalMinimumClass,
  };

  if (input.allMonths) {
    for (const field of ['windowMonths', 'windowStart', 'windowEnd'] as const) {
      if (input[field] !== null && input[field] !== undefined) {
        throw abcErrors.windowConflict(`input.${field}`, 'input.allMonths');
      }
    }
    return { ...common, allMonths: true, windowStart: null, windowEnd: null };
  }

  const hasMonths = input.windowMonths !== null && input.windowMonths !== undefined;
  if (hasMonths && input.windowStart) {
    throw abcErrors.windowConflict('input.windowMonths', 'input.windowStart');
  }
  const months = input.windowMonths ?? ABC_DEFAULTS.windowMonths;
  if (!Number.isInteger(months) || months < 1 || months > MAX_WINDOW_MONTHS) {
    throw abcErrors.windowMonthsOutOfRange(months);
  }
  const windowEnd = input.windowEnd ?? classifiedAt;
  const windowStart = input.windowStart ?? subtractMonths(windowEnd, months);
  if (windowEnd.getTime() <= windowStart.getTime()) {
    throw abcErrors.windowReversed(windowStart, windowEnd);
  }
  return { ...common, allMonths: false, windowStart, windowEnd };
}
