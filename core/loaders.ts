import DataLoader from 'dataloader';
import type { RequestScope } from './request-scope.js';

/**
 * A named DataLoader factory. The request scope creates one loader per definition per request,
 * so batches and caches never leak between requests or between subscription events.
 */
export interface LoaderDefinition<K, V, C = K> {
  /** Namespaced key, `<plugin id>.<name>` (for example `repair.ordersByEquipment`). */
  readonly key: string;
  readonly create: (scope: RequestScope) => DataLoader<K, V, C>;
}

/** Declares a loader that plugins and the core resolve through `scope.loader(definition)`. */
export function defineLoader<K, V, C = K>(
  key: string,
  create: (scope: RequestScope) => DataLoader<K, V, C>,
): LoaderDefinition<K, V, C> {
  if (!/^[a-z][a-z0-9-]*\.[a-zA-Z][a-zA-Z0-9]*$/.test(key)) {
    throw new Error(`Loader key "${key}" is invalid: expected "<plugin id>.<camelCaseName>"`);
  }
  return { key, create };
}

/** Orders `values` to match `keys`, with `undefined` where no value has that key. */
export function alignByKey<K, V>(
  keys: readonly K[],
  values: V[],
  keyOf: (value: V) => K,
): (V | undefined)[] {
  const byKey = new Map<K, V>();
  for (const value of values) byKey.set(keyOf(value), value);
  return keys.map((key) => byKey.get(key));
}

/** Groups `values` into one array per key, in the order of `keys`. */
export function groupByKey<K, V>(keys: readonly K[], values: V[], keyOf: (value: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const value of values) groups.get(keyOf(value))?.push(value);
  return keys.map((key) => groups.get(key) ?? []);
}
