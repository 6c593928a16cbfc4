import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204164516_repair_initial } from './Migration20261204164516_repair_initial.js';
import { Migration20261204172915_repair_workflow } from './Migration20261204172915_repair_workflow.js';
import { Migration20261204173045_repair_events } from './Migration20261204173045_repair_events.js';
import { Migration20261204175120_repair_escalations } from './Migration20261204175120_repair_escalations.js';
import { Migration20261204185155_repair_history_index } from './Migration20261204185155_repair_history_index.js';

/** PostgreSQL migrations of the repair tables, oldest first. */
export const REPAIR_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261204164516_repair_initial', class: Migration20261204164516_repair_initial },
  {
    name: 'Migration20261204172915_repair_workflow',
    class: Migration20261204172915_repair_workflow,
  },
  { name: 'Migration20261204173045_repair_events', class: Migration20261204173045_repair_events },
  {
    name: 'Migration20261204175120_repair_escalations',
    class: Migration20261204175120_repair_escalations,
  },
  {
    name: 'Migration20261204185155_repair_history_index',
    class: Migration20261204185155_repair_history_index,
  },
];
