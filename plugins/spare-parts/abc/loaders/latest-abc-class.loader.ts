import DataLoader from 'dataloader';
import { defineLoader } from '../../../../core/index.js';
import type { AbcClass } from '../entities/abc.enums.js';

/**
 * Each part's class in the most recently created run that classified it, or null when no run
 * did. One statement for all parts of a level: a window function keeps the newest result of each.
 */
export const latestAbcClassByPart = defineLoader(
  'spare-parts.latestAbcClassByPart',
  (scope) =>
    new DataLoader<string, AbcClass | null>(async (partIds) => {
      const placeholders = partIds.map(() => '?').join(', ');
      const rows = (await scope.em.getConnection().execute(
        `select ranked.part_id, ranked.abc_class
           from (select r.part_id, r.abc_class,
                        row_number() over (
                          partition by r.part_id order by run.created_at desc, run.id desc
                        ) as position
                   from spare_parts_abc_classification_result r
                   join spare_parts_abc_classification_run run on run.id = r.run_id
                  where r.part_id in (${placeholders})) ranked
          where ranked.position = 1`,
        [...partIds],
      )) as { part_id: string; abc_class: AbcClass }[];
      const classes = new Map(rows.map((row) => [row.part_id, row.abc_class]));
      return partIds.map((id) => classes.get(id) ?? null);
    }),
);
