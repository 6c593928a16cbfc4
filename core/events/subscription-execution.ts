import {
  createSourceEventStream,
  execute,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { countStatements } from '../database/statement-counter.js';
import type { RequestScope } from '../request-scope.js';
import type { Principal } from '../security/principal.js';

/**
 * Results of event objects that several subscriptions received, per {@link sharingKey}. An event
 * source that hands the same object to many subscribers (one per change, not one per subscriber)
 * thus has each distinct selection resolved once per change.
 */
const sharedResults = new WeakMap<object, Map<string, Promise<IteratorResult<ExecutionResult>>>>();

/**
 * Subscribes as graphql-js `subscribe` does, but resolves each event in a sibling of the
 * subscription's scope, with a fresh EntityManager and loaders. The subscription's own scope lives
 * as long as the subscription, so its identity map and loader caches would serve stale records.
 *
 * Subscriptions that receive the same event object, with the same operation, variables and
 * visibility, share one resolution of it. What a field resolves to may therefore depend on the
 * principal's kind, roles, scopes and customer, but not on who the principal is.
 */
export async function subscribeWithEventScopes(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
  const scope = args.contextValue as RequestScope;
  const key = sharingKey(args, scope.principal);
  let sequence = 0;
  const resolve = (payload: unknown) => {
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
  };
  const resolveToResult = (payload: unknown) =>
    resolve(payload).then((value): IteratorResult<ExecutionResult> => ({ done: false, value }));
  return mapEvents(stream, (payload) => {
    if (typeof payload !== 'object' || payload === null) return resolveToResult(payload);
    let results = sharedResults.get(payload);
    if (!results) {
      results = new Map();
      sharedResults.set(payload, results);
    }
    let result = results.get(key);
    if (!result) {
      result = resolveToResult(payload);
      results.set(key, result);
    }
    return result;
  });
}

/** Builds the key of what resolving an event depends on besides the event: operation and visibility. */
function sharingKey(args: ExecutionArgs, principal: Principal): string {
  return JSON.stringify([
    print(args.document),
    args.operationName ?? null,
    args.variableValues ?? null,
    principal.kind,
    principal.customerId ?? null,
    [...principal.roles].sort(),
    [...principal.scopes].sort(),
  ]);
}

/**
 * Maps each value of `source` to an iterator result. Its `return()` reaches the source, so
 * unsubscribing releases it.
 */
function mapEvents<T, R>(
  source: AsyncIterable<T>,
  map: (value: T) => Promise<IteratorResult<R>>,
): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorResult<R> = { done: true, value: undefined };
  return {
    // One promise per event besides the shared one: thousands of subscribers run this per change.
    next: () => iterator.next().then((result) => (result.done ? done : map(result.value))),
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
