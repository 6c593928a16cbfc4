import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/config.js';
import {
  DEFAULT_EVENT_RETENTION_HOURS,
  readEventRetentionHours,
} from './repair-event-retention.js';

describe('readEventRetentionHours', () => {
  it('defaults to 72 hours when unset or blank', () => {
    expect(readEventRetentionHours({})).toBe(DEFAULT_EVENT_RETENTION_HOURS);
    expect(readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: '  ' })).toBe(72);
  });

  it('accepts whole hours from 1 to 8760', () => {
    expect(readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: '1' })).toBe(1);
    expect(readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: ' 168 ' })).toBe(168);
    expect(readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: '8760' })).toBe(8760);
  });

  it.each(['0', '-5', '1.5', '8761', 'abc', '72h'])('rejects %s', (value) => {
    expect(() => readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: value })).toThrow(
      ConfigError,
    );
    expect(() => readEventRetentionHours({ REPAIR_EVENT_RETENTION_HOURS: value })).toThrow(
      /REPAIR_EVENT_RETENTION_HOURS is invalid/,
    );
  });
});
