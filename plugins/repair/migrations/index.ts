import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204164516_repair_initial } from './Migration20261204164516_repair_initial.js';

/** PostgreSQL migrations of the repair tables, oldest first. */
export const REPAIR_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261204164516_repair_initial', class: Migration20261204164516_repair_initial },
];
