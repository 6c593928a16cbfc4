import type { EntityClass, Ref } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { alignByKey, defineLoader, type LoaderDefinition } from '../loaders.js';
import type { RequestScope } from '../request-scope.js';
import { isCustomerBound } from '../security/principal.js';

const definitions = new Map<string, LoaderDefinition<string, unknown>>();

/** Returns the per-request loader that fetches records of `entity` by primary key, one statement a level. */
export function entityById<T extends { id: string }>(
  entity: EntityClass<T>,
): LoaderDefinition<string, T | undefined> {
  let definition = definitions.get(entity.name);
  if (!definition) {
    const name = entity.name.charAt(0).toLowerCase() + entity.name.slice(1);
    definition = defineLoader(
      `core.${name}ById`,
      (scope) =>
        new DataLoader<string, T | undefined>(async (ids) => {
          const rows = await scope.em.find(entity, { id: { $in: [...ids] } } as never);
          return alignByKey(ids, rows as T[], (row) => row.id);
        }),
    );
    definitions.set(entity.name, definition);
  }
  return definition as LoaderDefinition<string, T | undefined>;
}

/** Loads the record a many-to-one reference points at, batched with its siblings. */
export async function loadReference<T extends { id: string }>(
  scope: RequestScope,
  entity: EntityClass<T>,
  reference: Ref<T> | null | undefined,
): Promise<T | null> {
  if (!reference) return null;
  // A record joined into an earlier statement of this request needs no second read. Only for
  // principals without a customer: for the others every read goes through the tenant filter.
  if (!isCustomerBound(scope.principal) && reference.isInitialized())
    return reference.unwrap() as T;
  return (await scope.loader(entityById(entity)).load(reference.id)) ?? null;
}
