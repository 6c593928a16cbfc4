import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261204183112_spare_parts_initial } from './Migration20261204183112_spare_parts_initial.js';
import { Migration20261204184331_spare_parts_stock_workflows } from './Migration20261204184331_spare_parts_stock_workflows.js';
import { Migration20261204185151_spare_parts_abc_classification } from './Migration20261204185151_spare_parts_abc_classification.js';
import { Migration20261204185558_spare_parts_part_usage_line_nullable } from './Migration20261204185558_spare_parts_part_usage_line_nullable.js';
import { Migration20261204195915_spare_parts_stocktake_counted_book } from './Migration20261204195915_spare_parts_stocktake_counted_book.js';

/** PostgreSQL migrations of the spare-parts tables, oldest first. */
export const SPARE_PARTS_MIGRATIONS: MigrationObject[] = [
  {
    name: 'Migration20261204183112_spare_parts_initial',
    class: Migration20261204183112_spare_parts_initial,
  },
  {
    name: 'Migration20261204184331_spare_parts_stock_workflows',
    class: Migration20261204184331_spare_parts_stock_workflows,
  },
  {
    name: 'Migration20261204185151_spare_parts_abc_classification',
    class: Migration20261204185151_spare_parts_abc_classification,
  },
  {
    name: 'Migration20261204185558_spare_parts_part_usage_line_nullable',
    class: Migration20261204185558_spare_parts_part_usage_line_nullable,
  },
  {
    name: 'Migration20261204195915_spare_parts_stocktake_counted_book',
    class: Migration20261204195915_spare_parts_stocktake_counted_book,
  },
];
