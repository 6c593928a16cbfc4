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

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1, 'expected a host name or address').default('0.0.0.0'),
  PORT: z.coerce
    .number({ message: 'expected a port number between 0 and 65535' })
    .int('expected a whole port number')
    .min(0, 'expected a port number between 0 and 65535')
    .max(65535, 'expected a port number between 0 and 65535')
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
});

/** Variables whose values never appear in error messages or logs. */
const SECRETS = new Set(['JWT_SECRET', 'BOOTSTRAP_ADMIN_API_KEY']);

/** The database the process talks to, parsed from `DATABASE_URL`. */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Validated process configuration. Every field comes from one environment variable. */
export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  redisUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Load demo data into an empty database at startup. */
  demoData: boolean;
  /** Plugin ids to enable, or 'all'. */
  plugins: 'all' | string[];
  /** How staff tokens are verified: an HS256 secret or a JWKS URL, with optional claims to check. */
  jwt: { secret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  /** When set, an admin API client with this key exists. */
  bootstrapAdminApiKey?: string;
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
          value === undefined ? 'missing' : SECRETS.has(name) ? 'value hidden' : `"${value}"`;
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
  return {
    environment: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    database: parseDatabaseUrl(values.DATABASE_URL),
    redisUrl: values.REDIS_URL,
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
  };
}
