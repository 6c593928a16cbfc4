import { badUserInput } from '../../../core/index.js';

/** Errors of the ABC classification, each naming the input field and the fix. */
export const abcErrors = {
  thresholdOutOfRange: (field: string, value: string) =>
    badUserInput(
      field,
      `${field} "${value}" is invalid: send a percentage above 0 and at most 100 with at most 4 decimals, such as "80"`,
    ),
  thresholdsNotIncreasing: (thresholdA: string, thresholdB: string) =>
    badUserInput(
      'input.thresholdB',
      `input.thresholdB "${thresholdB}" must be greater than input.thresholdA "${thresholdA}": class B ends after class A`,
    ),
  windowReversed: (start: Date, end: Date) =>
    badUserInput(
      'input.windowEnd',
      `input.windowEnd ${end.toISOString()} is not after input.windowStart ${start.toISOString()}: send a later end or swap the two`,
    ),
  windowMonthsOutOfRange: (months: number) =>
    badUserInput(
      'input.windowMonths',
      `input.windowMonths ${months} is invalid: send a whole number of months from 1 to 600`,
    ),
  windowConflict: (field: string, other: string) =>
    badUserInput(field, `${field} cannot be combined with ${other}: send only one of the two`),
  coverMonthsOutOfRange: (field: string, value: string) =>
    badUserInput(
      field,
      `${field} "${value}" is invalid: send a number of months from 0 to 120, such as "2"`,
    ),
  intervalMonthsOutOfRange: (field: string, months: number) =>
    badUserInput(
      field,
      `${field} ${months} is invalid: send a whole number of months from 1 to 120, such as 3`,
    ),
  noRun: () =>
    badUserInput(
      'input.runId',
      'No ABC classification has been run yet: run runAbcClassification first, or pass input.runId',
    ),
};
