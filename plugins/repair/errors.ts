import { badUserInput } from '../../core/index.js';

/** Errors of the repair plugin, each naming the field and the fix. */
export const repairErrors = {
  periodReversed: (from: Date, to: Date) =>
    badUserInput(
      'filter.reportedTo',
      `filter.reportedTo ${to.toISOString()} is before filter.reportedFrom ${from.toISOString()}: swap the two`,
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
};
