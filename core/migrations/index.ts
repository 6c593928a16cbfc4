import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204164513_core_initial } from './Migration20261204164513_core_initial.js';

/** PostgreSQL migrations of the core tables, oldest first. */
export const CORE_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261204164513_core_initial', class: Migration20261204164513_core_initial },
];
