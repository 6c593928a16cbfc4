import { describe, expect, it } from 'vitest';
import { RepairUrgency } from '../entities/repair-order.enums.js';
import { parseHoursByUrgency } from './repair-deadlines.js';

const DEFAULTS = { NORMAL: 24, URGENT: 4, EMERGENCY: 1 };

describe('parseHoursByUrgency', () => {
  it('keeps defaults without a value', () => {
    expect(parseHoursByUrgency('X', undefined, DEFAULTS)).toEqual(DEFAULTS);
  });

  it('overrides the listed urgencies', () => {
    const hours = parseHoursByUrgency('X', 'URGENT=6, EMERGENCY=0.5', DEFAULTS);
    expect(hours[RepairUrgency.NORMAL]).toBe(24);
    expect(hours[RepairUrgency.URGENT]).toBe(6);
    expect(hours[RepairUrgency.EMERGENCY]).toBe(0.5);
  });

  it('rejects an unknown urgency', () => {
    expect(() => parseHoursByUrgency('X', 'LOW=3', DEFAULTS)).toThrow(
      /X has an invalid urgency "LOW"/,
    );
  });

  it('rejects hours that are not positive', () => {
    expect(() => parseHoursByUrgency('X', 'NORMAL=0', DEFAULTS)).toThrow(
      /invalid number of hours "0"/,
    );
    expect(() => parseHoursByUrgency('X', 'NORMAL=abc', DEFAULTS)).toThrow(/invalid number/);
    expect(() => parseHoursByUrgency('X', 'NORMAL', DEFAULTS)).toThrow(/invalid number/);
  });
});
