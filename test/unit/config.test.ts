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
    ['PORT', '0x10', 'PORT is invalid ("0x10")'],
    ['PORT', '4e3', 'PORT is invalid ("4e3")'],
    ['PORT', '-1', 'PORT is invalid ("-1")'],
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

describe('loadConfig rate limit', () => {
  it('uses the defaults', () => {
    expect(loadConfig({}).rateLimit).toEqual({
      enabled: true,
      capacity: 300,
      refillPerSecond: 10,
      keyPrefix: 'rate-limit:',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      RATE_LIMIT_ENABLED: 'false',
      RATE_LIMIT_CAPACITY: '60',
      RATE_LIMIT_REFILL_PER_SECOND: '0.5',
      RATE_LIMIT_KEY_PREFIX: 'service-a:rate-limit:',
    });
    expect(config.rateLimit).toEqual({
      enabled: false,
      capacity: 60,
      refillPerSecond: 0.5,
      keyPrefix: 'service-a:rate-limit:',
    });
  });

  it.each([
    ['RATE_LIMIT_ENABLED', 'sometimes', 'expected true or false'],
    ['RATE_LIMIT_CAPACITY', '0', 'expected a whole number of operations, 1 or more'],
    ['RATE_LIMIT_CAPACITY', '2.5', 'expected a whole number of operations, 1 or more'],
    ['RATE_LIMIT_REFILL_PER_SECOND', '0', 'expected operations per second, greater than 0'],
    ['RATE_LIMIT_REFILL_PER_SECOND', 'fast', 'expected operations per second, greater than 0'],
  ])('rejects %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      `${name} is invalid ("${value}"): ${message}`,
    );
  });
});

describe('loadConfig operation limits', () => {
  it('uses the defaults', () => {
    expect(loadConfig({}).limits).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxDirectives: 10,
      maxCost: 20_000,
      maxDocumentBytes: 20_000,
      maxTokens: 2_000,
      introspection: true,
      persistedQueries: true,
      persistedQueryCacheBytes: 8 * 1024 * 1024,
      wsConnectionInitTimeoutMs: 3_000,
      wsMaxPayloadBytes: 65_536,
      wsMaxSubscriptions: 50,
    });
  });

  it('turns introspection off in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).limits?.introspection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).limits?.introspection,
    ).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      MAX_QUERY_DEPTH: '8',
      MAX_ALIASES: '4',
      MAX_DIRECTIVES: '3',
      MAX_QUERY_COST: '500',
      MAX_DOCUMENT_BYTES: '4096',
      MAX_TOKENS: '300',
      INTROSPECTION: 'false',
      PERSISTED_QUERIES: 'false',
      PERSISTED_QUERY_CACHE_BYTES: '1024',
      WS_CONNECTION_INIT_TIMEOUT_MS: '500',
      WS_MAX_PAYLOAD_BYTES: '8192',
      WS_MAX_SUBSCRIPTIONS: '200',
    });
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 4,
      maxDirectives: 3,
      maxCost: 500,
      maxDocumentBytes: 4096,
      maxTokens: 300,
      introspection: false,
      persistedQueries: false,
      persistedQueryCacheBytes: 1024,
      wsConnectionInitTimeoutMs: 500,
      wsMaxPayloadBytes: 8192,
      wsMaxSubscriptions: 200,
    });
  });

  it.each([
    ['MAX_QUERY_DEPTH', '0', 'expected a whole number of nested selection levels, 1 or more'],
    ['MAX_QUERY_COST', '1.5', 'expected a whole number of cost points, 1 or more'],
    ['MAX_TOKENS', 'many', 'expected a whole number of tokens, 1 or more'],
    ['INTROSPECTION', 'sometimes', 'expected true or false'],
  ])('rejects %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      `${name} is invalid ("${value}"): ${message}`,
    );
  });

  it('rejects a WebSocket payload smaller than a document', () => {
    expect(() => loadConfig({ MAX_DOCUMENT_BYTES: '100000' })).toThrow(
      'WS_MAX_PAYLOAD_BYTES (65536) is smaller than MAX_DOCUMENT_BYTES (100000)',
    );
  });
});
