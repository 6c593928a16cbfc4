import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Creates the process logger. Secrets never reach it: the request logger redacts credentials. */
export function createLogger(level: string, name = 'oilfield-service'): Logger {
  return pino({
    name,
    level,
    redact: ['req.headers.authorization', 'authorization', 'apiKey', 'token'],
  });
}
