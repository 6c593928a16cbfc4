import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DecimalType } from '../../../../core/index.js';
import { moneyType, quantityType } from '../../entities/spare-parts.decimals.js';
import type { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import type { PartConsumption } from './abc-consumption.js';
import type { AbcRanking } from './abc-ranking.js';

const COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'version',
  'run_id',
  'part_id',
  'rank',
  'basis_value',
  'issued_quantity',
  'issue_months',
  'unit_cost',
  'cumulative_share',
  'ranked_class',
  'abc_class',
  'raised_by_critical_rule',
];
// Columns that come from the JSON rows; the others are the same for every row of a run.
const ROW_COLUMNS = COLUMNS.filter(
  (column) => !['created_at', 'updated_at', 'version', 'run_id'].includes(column),
);
const PG_ROW_TYPES: Record<string, string> = {
  id: 'uuid',
  part_id: 'uuid',
  rank: 'int',
  basis_value: 'text',
  issued_quantity: 'numeric',
  issue_months: 'int',
  unit_cost: 'numeric',
  cumulative_share: 'numeric',
  ranked_class: 'text',
  abc_class: 'text',
  raised_by_critical_rule: 'boolean',
};
const TABLE = 'spare_parts_abc_classification_result';
const shareType = new DecimalType(9, 6);

/**
 * Inserts the results of a run with one SQL statement, whatever the number of parts. The rows
 * travel as one JSON parameter that the database expands (`json_each` on SQLite,
 * `json_to_recordset` on PostgreSQL), because a multi-row VALUES list of 2,674 parts with 15
 * columns would pass SQLite's limit of 32,766 parameters.
 */
export async function insertAbcResults(
  em: EntityManager,
  sqlite: boolean,
  run: AbcClassificationRun,
  rankings: AbcRanking[],
  consumptions: Map<string, PartConsumption>,
): Promise<void> {
  if (rankings.length === 0) return;
  const platform = em.getPlatform();
  const quantity = quantityType();
  const money = moneyType();
  const rows = rankings.map((ranking) => {
    const consumption = consumptions.get(ranking.partId)!;
    return {
      id: randomUUID(),
      part_id: ranking.partId,
      rank: ranking.rank,
      basis_value: ranking.basisValue,
      issued_quantity: quantity.convertToDatabaseValue(consumption.issuedQuantity, platform),
      issue_months: consumption.issueMonths,
      unit_cost: money.convertToDatabaseValue(consumption.unitCost, platform) ?? null,
      cumulative_share: shareType.convertToDatabaseValue(ranking.cumulativeShare, platform),
      ranked_class: ranking.rankedClass,
      abc_class: ranking.abcClass,
      raised_by_critical_rule: sqlite
        ? Number(ranking.raisedByCriticalRule)
        : ranking.raisedByCriticalRule,
    };
  });
  const now = new Date();
  const columnList = COLUMNS.map((column) => `"${column}"`).join(', ');

  if (sqlite) {
    const fields = ROW_COLUMNS.map((column) => `json_extract(value, '$.${column}')`);
    await em.getConnection().execute(
      `insert into "${TABLE}" (${columnList})
       select ${fields[0]}, ?, ?, 1, ?, ${fields.slice(1).join(', ')} from json_each(?)`,
      [now.getTime(), now.getTime(), run.id, JSON.stringify(rows)],
      'run',
      em.getTransactionContext(),
    );
    return;
  }
  const recordType = ROW_COLUMNS.map((column) => `"${column}" ${PG_ROW_TYPES[column]}`).join(', ');
  const fields = ROW_COLUMNS.map((column) => `x."${column}"`);
  await em.getConnection().execute(
    `insert into "${TABLE}" (${columnList})
     select ${fields[0]}, ?::timestamptz, ?::timestamptz, 1, ?::uuid, ${fields.slice(1).join(', ')}
       from json_to_recordset(?::json) as x(${recordType})`,
    [now.toISOString(), now.toISOString(), run.id, JSON.stringify(rows)],
    'run',
    em.getTransactionContext(),
  );
}
