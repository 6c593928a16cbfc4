import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { countStatements } from '../database/statement-counter.js';
import type { RequestScope } from '../request-scope.js';

/**
 * Subscribes as graphql-js `subscribe` does, but resolves each event in a sibling of the
 * subscription's scope, with a fresh EntityManager and loaders. The subscription's own scope lives
 * as long as the subscription, so its identity map and loader caches would serve stale records.
 */
export async function subscribeWithEventScopes(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const scope = args.contextValue as RequestScope;
  let sequence = 0;
  return mapEvents(stream, (payload) => {
    sequence += 1;
    const eventScope = scope.createSibling({ requestId: `${scope.requestId}-${sequence}` });
    return countStatements(
      eventScope.statements,
      async () =>
        (await execute({
          ...args,
          rootValue: payload,
          contextValue: eventScope,
        })) as ExecutionResult,
    );
  });
}

/** Maps each value of `source`. Its `return()` reaches the source, so unsubscribing releases it. */
function mapEvents<T, R>(
  source: AsyncIterable<T>,
  map: (value: T) => Promise<R>,
): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const result = await iterator.next();
      if (result.done) return { done: true, value: undefined };
      return { done: false, value: await map(result.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
