import type { ServicePlugin } from '../core/index.js';
import { repairPlugin } from '../plugins/repair/index.js';
import { sparePartsPlugin } from '../plugins/spare-parts/index.js';

/** Every plugin this distribution ships; `PLUGINS` selects which of them run. */
export const AVAILABLE_PLUGINS: ServicePlugin[] = [repairPlugin, sparePartsPlugin];
