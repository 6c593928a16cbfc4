import { badUserInput, type Department } from '../../core/index.js';

/** Errors of the repair plugin, each naming the field and the fix. */
export const repairErrors = {
  periodReversed: (from: Date, to: Date) =>
    badUserInput(
      'filter.reportedTo',
      `filter.reportedTo ${to.toISOString()} is before filter.reportedFrom ${from.toISOString()}: swap the two`,
    ),
  analysisPeriodReversed: (from: Date, to: Date) =>
    badUserInput(
      'input.to',
      `input.to ${to.toISOString()} is before input.from ${from.toISOString()}: swap the two`,
    ),
  reportedInFuture: (at: Date) =>
    badUserInput(
      'input.reportedAt',
      `input.reportedAt ${at.toISOString()} is in the future: a fault can only be reported once it happened`,
    ),
  equipmentDecommissioned: (serial: string) =>
    badUserInput(
      'input.equipmentId',
      `Unit ${serial} is decommissioned: repair orders cannot be opened for it`,
    ),
  inFuture: (field: string, at: Date) =>
    badUserInput(field, `${field} ${at.toISOString()} is in the future: send the actual time`),
  beforeStep: (field: string, at: Date, step: string, stepAt: Date) =>
    badUserInput(
      field,
      `${field} ${at.toISOString()} is before the ${step} at ${stepAt.toISOString()}: send a later time`,
    ),
  labourHoursOutOfRange: (hours: string) =>
    badUserInput(
      'input.hours',
      `input.hours "${hours}" is invalid: a labour entry covers more than 0 and at most 24 hours of one day`,
    ),
  workedOnOutOfRange: (workedOn: string, reportedOn: string, today: string) =>
    badUserInput(
      'input.workedOn',
      `input.workedOn ${workedOn} is invalid: send a day from the report on ${reportedOn} to today, ${today}`,
    ),
  majorPlanWithoutReviewers: () =>
    badUserInput(
      'input.reviewDepartments',
      'input.reviewDepartments is empty: a major plan needs at least one department to review it',
    ),
  departmentNotListed: (department: Department, listed: Department[]) =>
    badUserInput(
      'input.department',
      listed.length === 0
        ? `input.department ${department} is invalid: the plan lists no review departments`
        : `input.department ${department} is not listed for review on this plan: use one of ${listed.join(', ')}`,
    ),
  noLabourRecorded: (orderNumber: string) =>
    badUserInput(
      'input.id',
      `Repair order ${orderNumber} has no labour time: record it with recordLabour before completing the repair`,
    ),
  /** One error for every item the order's record lacks, listed in `extensions.problems`. */
  recordIncomplete: (
    orderNumber: string,
    missing: { field: string; item: string; message: string }[],
  ) =>
    badUserInput(
      'input.id',
      `Repair order ${orderNumber} cannot be closed while its record is incomplete: ${missing
        .map((entry) => entry.message)
        .join('; ')}`,
      { problems: missing, missingItems: missing.map((entry) => entry.item) },
    ),
};
