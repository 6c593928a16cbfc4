import type { EntityClass } from '@mikro-orm/core';
import type { ResolverClass } from '../../../core/index.js';
import {
  AbcClassificationResultResolver,
  AbcClassificationRunResolver,
} from './api/abc-classification-run.resolver.js';
import { AbcClassificationResolver } from './api/abc-classification.resolver.js';
import { AbcPlanningResolver, AbcReorderSuggestionResolver } from './api/abc-planning.resolver.js';
import { PartAbcClassResolver } from './api/part-abc-class.resolver.js';
import { AbcClassificationResult } from './entities/abc-classification-result.entity.js';
import { AbcClassificationRun } from './entities/abc-classification-run.entity.js';

export { AbcBasis, AbcClass } from './entities/abc.enums.js';
export { AbcClassificationRun } from './entities/abc-classification-run.entity.js';
export { AbcClassificationResult } from './entities/abc-classification-result.entity.js';
export { runAbcClassification } from './services/abc-classification.service.js';

/** Entities of the ABC classification, which the spare-parts plugin registers. */
export const ABC_ENTITIES: EntityClass<object>[] = [AbcClassificationRun, AbcClassificationResult];

/** Resolvers of the ABC classification, including `Part.abcClass`. */
export const ABC_RESOLVERS: ResolverClass[] = [
  AbcClassificationResolver,
  AbcClassificationRunResolver,
  AbcClassificationResultResolver,
  PartAbcClassResolver,
  AbcPlanningResolver,
  AbcReorderSuggestionResolver,
];
