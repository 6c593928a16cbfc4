import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

describe('loadConfig', () => {
  it('uses the defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toEqual({ kind: 'sqlite', file: 'data/dev.sqlite' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.demoData).toBe(true);
    expect(config.plugins).toBe('all');
  });

  it('turns demo data off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
  });

  it('reads a PostgreSQL URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@db:5432/service' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app@db:5432/service' });
  });

  it('splits a plugin list', () => {
    expect(loadConfig({ PLUGINS: 'repair, spare-parts' }).plugins).toEqual([
      'repair',
      'spare-parts',
    ]);
  });

  it.each([
    ['PORT', 'abc', 'PORT is invalid ("abc"): expected a port number between 0 and 65535'],
    ['PORT', '70000', 'PORT is invalid ("70000")'],
    [
      'DATABASE_URL',
      'mysql://db/x',
      'DATABASE_URL is invalid ("mysql://db/x"): expected sqlite:<file>',
    ],
    [
      'REDIS_URL',
      'localhost:6379',
      'REDIS_URL is invalid ("localhost:6379"): expected redis://host:port',
    ],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL is invalid ("loud"): expected one of trace, debug'],
    ['DEMO_DATA', 'maybe', 'DEMO_DATA is invalid ("maybe"): expected true or false'],
    ['PLUGINS', 'Repair!', 'PLUGINS is invalid ("Repair!")'],
  ])('names %s when it is %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});
