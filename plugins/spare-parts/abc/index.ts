import type { EntityClass } from '@mikro-orm/core';
import type { ResolverClass } from '../../../core/index.js';

// The ABC classification module fills these lists with its entities and resolvers.
export const ABC_ENTITIES: EntityClass<object>[] = [];
export const ABC_RESOLVERS: ResolverClass[] = [];
