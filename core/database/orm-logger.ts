import {
  DefaultLogger,
  type LogContext,
  type LoggerNamespace,
  type LoggerOptions,
} from '@mikro-orm/core';
import type { Logger } from 'pino';
import { recordStatement } from './statement-counter.js';

/**
 * Sends MikroORM's log lines to pino and counts every SQL statement against the running operation.
 * Counting happens whether or not query logging is switched on.
 */
export class OrmLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly target: Logger,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    recordStatement(context.query);
    super.logQuery(context);
  }

  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    let level: 'error' | 'warn' | 'debug' = 'debug';
    if (context?.level === 'error') level = 'error';
    if (context?.level === 'warning') level = 'warn';
    this.target[level](
      { orm: namespace, requestId: context?.requestId, took: context?.took },
      message,
    );
  }
}
