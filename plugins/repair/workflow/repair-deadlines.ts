import { RepairUrgency } from '../entities/repair-order.enums.js';

/** Hours allowed for a step, per urgency. */
export type HoursByUrgency = Record<RepairUrgency, number>;

// NOTE: these defaults are placeholders until the service contracts set the real response times.
// Override them with REPAIR_DISPATCH_HOURS and REPAIR_ARRIVAL_HOURS.
const DEFAULT_DISPATCH_HOURS: HoursByUrgency = { NORMAL: 24, URGENT: 4, EMERGENCY: 1 };
const DEFAULT_ARRIVAL_HOURS: HoursByUrgency = { NORMAL: 72, URGENT: 24, EMERGENCY: 8 };

/**
 * Parses hours per urgency from an environment variable such as "NORMAL=24,URGENT=4,EMERGENCY=1".
 * Urgencies that the value leaves out keep their default. Throws naming the variable on an unknown
 * urgency or a value that is not a positive number of hours.
 */
export function parseHoursByUrgency(
  variable: string,
  value: string | undefined,
  defaults: HoursByUrgency,
): HoursByUrgency {
  const hours = { ...defaults };
  if (value === undefined || value.trim() === '') return hours;
  for (const entry of value.split(',')) {
    const [name, amount] = entry.split('=').map((part) => part.trim());
    if (!(name in RepairUrgency)) {
      throw new Error(
        `${variable} has an invalid urgency "${name}": use ${Object.keys(RepairUrgency).join(', ')}, such as "NORMAL=24,URGENT=4"`,
      );
    }
    const parsed = Number(amount);
    if (!amount || !Number.isFinite(parsed) || parsed <= 0) {
      throw new Error(
        `${variable} has an invalid number of hours "${amount ?? ''}" for ${name}: use a positive number, such as "${name}=8"`,
      );
    }
    hours[name as RepairUrgency] = parsed;
  }
  return hours;
}

/** Hours from report to dispatch, per urgency, read once at startup. */
export const DISPATCH_HOURS = parseHoursByUrgency(
  'REPAIR_DISPATCH_HOURS',
  process.env.REPAIR_DISPATCH_HOURS,
  DEFAULT_DISPATCH_HOURS,
);

/** Hours from report to arrival on site, per urgency, read once at startup. */
export const ARRIVAL_HOURS = parseHoursByUrgency(
  'REPAIR_ARRIVAL_HOURS',
  process.env.REPAIR_ARRIVAL_HOURS,
  DEFAULT_ARRIVAL_HOURS,
);

/** Returns the dispatch and arrival deadlines of an order reported at `reportedAt`. */
export function repairDeadlines(
  reportedAt: Date,
  urgency: RepairUrgency,
): { dispatchDueAt: Date; arrivalDueAt: Date } {
  const hour = 3_600_000;
  return {
    dispatchDueAt: new Date(reportedAt.getTime() + DISPATCH_HOURS[urgency] * hour),
    arrivalDueAt: new Date(reportedAt.getTime() + ARRIVAL_HOURS[urgency] * hour),
  };
}
