import { z } from 'zod';

/** Log levels accepted by pino, from the most to the least verbose. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value), {
    message: 'expected true or false',
  })
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** Builds the schema of a whole number of `unit`, 1 or more. */
function positiveInteger(unit: string) {
  const message = `expected a whole number of ${unit}, 1 or more`;
  return z.coerce.number({ message }).int(message).min(1, message);
}

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1, 'expected a host name or address').optional(),
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'expected a port number between 0 and 65535')
    .transform(Number)
    .refine((port) => port <= 65535, 'expected a port number between 0 and 65535')
    .default(4000),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
      message: 'expected sqlite:<file>, sqlite::memory: or postgres://user@host:port/database',
    })
    .default('sqlite:data/dev.sqlite'),
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/.+/, { message: 'expected redis://host:port or rediss://host:port' })
    .optional(),
  PUBSUB_CHANNEL_PREFIX: z.string().trim().default(''),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }).optional(),
  DEMO_DATA: booleanFlag.optional(),
  JWT_SECRET: z
    .string()
    .min(32, 'expected a secret of at least 32 characters for HS256')
    .optional(),
  JWT_JWKS_URL: z.string().url('expected an https:// URL of a JSON Web Key Set').optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  BOOTSTRAP_ADMIN_API_KEY: z
    .string()
    .min(24, 'expected a random key of at least 24 characters')
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, - and _ only')
    .optional(),
  PLUGINS: z
    .string()
    .trim()
    .regex(/^(all|[a-z][a-z0-9-]*(\s*,\s*[a-z][a-z0-9-]*)*)$/, {
      message: 'expected "all" or a comma-separated list of plugin ids such as repair,spare-parts',
    })
    .default('all'),
  RATE_LIMIT_ENABLED: booleanFlag.default(true),
  RATE_LIMIT_CAPACITY: positiveInteger('operations').default(300),
  RATE_LIMIT_REFILL_PER_SECOND: z.coerce
    .number({ message: 'expected operations per second, greater than 0, such as 10 or 0.5' })
    .positive('expected operations per second, greater than 0, such as 10 or 0.5')
    .default(10),
  RATE_LIMIT_KEY_PREFIX: z.string().trim().default('rate-limit:'),
  MAX_QUERY_DEPTH: positiveInteger('nested selection levels').optional(),
  MAX_ALIASES: positiveInteger('aliases').optional(),
  MAX_DIRECTIVES: positiveInteger('directives').optional(),
  MAX_QUERY_COST: positiveInteger('cost points').optional(),
  MAX_DOCUMENT_BYTES: positiveInteger('bytes').optional(),
  MAX_TOKENS: positiveInteger('tokens').optional(),
  INTROSPECTION: booleanFlag.optional(),
  PERSISTED_QUERIES: booleanFlag.optional(),
  PERSISTED_QUERY_CACHE_BYTES: positiveInteger('bytes').optional(),
  WS_CONNECTION_INIT_TIMEOUT_MS: positiveInteger('milliseconds').optional(),
  WS_MAX_PAYLOAD_BYTES: positiveInteger('bytes').optional(),
  WS_MAX_SUBSCRIPTIONS: positiveInteger('subscriptions').optional(),
});

/** Variables whose values never appear in error messages or logs. */
const SECRETS = new Set(['JWT_SECRET', 'BOOTSTRAP_ADMIN_API_KEY']);

/** Hides the password of a URL such as postgres://user:secret@host/db, so errors never show it. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** The database the process talks to, parsed from `DATABASE_URL`. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Validated process configuration. Every field comes from one environment variable. */
export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  redisUrl?: string;
  /** Put before every pub/sub topic to form its Redis channel (`PUBSUB_CHANNEL_PREFIX`). */
  pubSubChannelPrefix?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Load demo data into an empty database at startup. */
  demoData: boolean;
  /** Plugin ids to enable, or 'all'. */
  plugins: 'all' | string[];
  /** Verification of staff tokens: an HS256 secret or a JWKS URL, with optional claims to check. */
  jwt: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  /** When set, an admin API client with this key exists. */
  bootstrapAdminApiKey?: string;
  /**
   * Limits on every GraphQL operation. `loadConfig` always sets this. A configuration built without
   * it gets {@link defaultOperationLimits} for its environment.
   */
  limits?: OperationLimitsConfig;
  /**
   * Token bucket per caller: `capacity` operations at once, refilled at `refillPerSecond`.
   * Buckets live in Redis under `keyPrefix` when `redisUrl` is set. `loadConfig` always sets this;
   * a configuration built without it has no rate limit.
   */
  rateLimit?: RateLimitConfig;
}

/** Rate-limit settings, from the `RATE_LIMIT_*` variables. */
export interface RateLimitConfig {
  enabled: boolean;
  capacity: number;
  refillPerSecond: number;
  keyPrefix: string;
}

/**
 * Limits on every GraphQL operation, applied alike over HTTP and graphql-ws. An operation over a
 * limit is rejected (HTTP 400, or a graphql-ws error message) before any resolver runs.
 */
export interface OperationLimitsConfig {
  /** Nested selection levels, fragments inlined (`MAX_QUERY_DEPTH`). */
  maxDepth: number;
  /** Aliased fields per operation (`MAX_ALIASES`). */
  maxAliases: number;
  /** Directives per operation (`MAX_DIRECTIVES`). */
  maxDirectives: number;
  /**
   * Cost per operation (`MAX_QUERY_COST`): each field costs 1, and a connection multiplies the
   * cost of its selection by its `first` argument.
   */
  maxCost: number;
  /** Size of the document text in UTF-8 bytes (`MAX_DOCUMENT_BYTES`). */
  maxDocumentBytes: number;
  /** Lexical tokens in the document, comments not counted (`MAX_TOKENS`). */
  maxTokens: number;
  /**
   * Whether `__schema` and `__type` are allowed (`INTROSPECTION`). "Did you mean" suggestions in
   * error messages are shown only when introspection is on, because both reveal the schema.
   */
  introspection: boolean;
  /** Whether automatic persisted queries are accepted (`PERSISTED_QUERIES`). */
  persistedQueries: boolean;
  /** Size of the in-memory persisted-query cache in bytes, least recently used evicted first. */
  persistedQueryCacheBytes: number;
  /** Time a graphql-ws client has to send `connection_init` before the socket closes with 4408. */
  wsConnectionInitTimeoutMs: number;
  /** Largest graphql-ws message in bytes. A larger frame closes the socket with 1009. */
  wsMaxPayloadBytes: number;
  /** Subscriptions one graphql-ws connection may run at once; another one is rejected. */
  wsMaxSubscriptions: number;
}

/** Operation limits for an environment when no variable overrides them. */
export function defaultOperationLimits(
  environment: AppConfig['environment'],
): OperationLimitsConfig {
  return {
    maxDepth: 12,
    maxAliases: 15,
    maxDirectives: 10,
    maxCost: 20_000,
    maxDocumentBytes: 20_000,
    maxTokens: 2_000,
    introspection: environment !== 'production',
    persistedQueries: true,
    persistedQueryCacheBytes: 8 * 1024 * 1024,
    wsConnectionInitTimeoutMs: 3_000,
    wsMaxPayloadBytes: 64 * 1024,
    wsMaxSubscriptions: 50,
  };
}

/** Raised when an environment variable is missing or malformed; names the variable and the form. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses a `DATABASE_URL` value into a database configuration. */
export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
  }
  return { kind: 'postgres', url };
}

/**
 * Reads and validates the configuration from environment variables.
 * Throws a {@link ConfigError} listing every invalid variable with the expected form.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most shells' `VAR= command` usage.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        const value = present[name];
        const shown =
          value === undefined
            ? 'missing'
            : SECRETS.has(name)
              ? 'value hidden'
              : `"${withoutPassword(value)}"`;
        return `${name} is invalid (${shown}): ${issue.message}`;
      }),
    );
  }
  const values = parsed.data;
  if (values.JWT_SECRET && values.JWT_JWKS_URL) {
    throw new ConfigError([
      'JWT_SECRET and JWT_JWKS_URL are both set: set one, a shared secret or a key set URL',
    ]);
  }
  const production = values.NODE_ENV === 'production';
  const limits = operationLimitsFrom(values);
  return {
    environment: values.NODE_ENV,
    // Outside production the demo keys are public, so the server listens on this machine only.
    host: values.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port: values.PORT,
    database: parseDatabaseUrl(values.DATABASE_URL),
    redisUrl: values.REDIS_URL,
    pubSubChannelPrefix: values.PUBSUB_CHANNEL_PREFIX,
    logLevel: values.LOG_LEVEL ?? (values.NODE_ENV === 'test' ? 'warn' : 'info'),
    demoData: values.DEMO_DATA ?? !production,
    plugins: values.PLUGINS === 'all' ? 'all' : values.PLUGINS.split(',').map((id) => id.trim()),
    jwt: {
      secret: values.JWT_SECRET,
      jwksUrl: values.JWT_JWKS_URL,
      issuer: values.JWT_ISSUER,
      audience: values.JWT_AUDIENCE,
    },
    bootstrapAdminApiKey: values.BOOTSTRAP_ADMIN_API_KEY,
    limits,
    rateLimit: {
      enabled: values.RATE_LIMIT_ENABLED,
      capacity: values.RATE_LIMIT_CAPACITY,
      refillPerSecond: values.RATE_LIMIT_REFILL_PER_SECOND,
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX,
    },
  };
}

/** Applies the `MAX_*`, `INTROSPECTION`, `PERSISTED_*` and `WS_*` variables over the defaults. */
function operationLimitsFrom(values: z.infer<typeof environmentSchema>): OperationLimitsConfig {
  const defaults = defaultOperationLimits(values.NODE_ENV);
  const limits: OperationLimitsConfig = {
    maxDepth: values.MAX_QUERY_DEPTH ?? defaults.maxDepth,
    maxAliases: values.MAX_ALIASES ?? defaults.maxAliases,
    maxDirectives: values.MAX_DIRECTIVES ?? defaults.maxDirectives,
    maxCost: values.MAX_QUERY_COST ?? defaults.maxCost,
    maxDocumentBytes: values.MAX_DOCUMENT_BYTES ?? defaults.maxDocumentBytes,
    maxTokens: values.MAX_TOKENS ?? defaults.maxTokens,
    introspection: values.INTROSPECTION ?? defaults.introspection,
    persistedQueries: values.PERSISTED_QUERIES ?? defaults.persistedQueries,
    persistedQueryCacheBytes:
      values.PERSISTED_QUERY_CACHE_BYTES ?? defaults.persistedQueryCacheBytes,
    wsConnectionInitTimeoutMs:
      values.WS_CONNECTION_INIT_TIMEOUT_MS ?? defaults.wsConnectionInitTimeoutMs,
    wsMaxPayloadBytes: values.WS_MAX_PAYLOAD_BYTES ?? defaults.wsMaxPayloadBytes,
    wsMaxSubscriptions: values.WS_MAX_SUBSCRIPTIONS ?? defaults.wsMaxSubscriptions,
  };
  if (limits.wsMaxPayloadBytes < limits.maxDocumentBytes) {
    throw new ConfigError([
      `WS_MAX_PAYLOAD_BYTES (${limits.wsMaxPayloadBytes}) is smaller than MAX_DOCUMENT_BYTES ` +
        `(${limits.maxDocumentBytes}): raise WS_MAX_PAYLOAD_BYTES so that a document accepted ` +
        'over HTTP fits in one graphql-ws message',
    ]);
  }
  return limits;
}
