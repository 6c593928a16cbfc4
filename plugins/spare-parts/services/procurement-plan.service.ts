import type { SqlEntityManager } from '@mikro-orm/knex';
import Big from 'big.js';
import { decimalFromStorage, type RequestScope } from '../../../core/index.js';
import type { ProcurementPlanLine } from '../api/purchasing.input.js';
import { Part } from '../entities/part.entity.js';
import { QUANTITY_SCALE } from '../entities/spare-parts.decimals.js';

/**
 * Builds a procurement plan. The stock position of a part is its available stock plus what is on
 * order. A part gets a suggestion that tops the position up to the target level when the position
 * is at or below the reorder point, below the safety stock, or short of the forecast demand.
 * Demand is the quantity issued in the last `demandDays` days. Returns at most `limit` lines,
 * critical parts first, then by part number.
 */
export async function buildProcurementPlan(
  scope: RequestScope,
  demandDays: number,
  coverageDays: number,
  limit: number,
  now = new Date(),
): Promise<ProcurementPlanLine[]> {
  const em = scope.em as SqlEntityManager;
  const since = new Date(now.getTime() - demandDays * 86_400_000);
  const decimal = (value: unknown) =>
    new Big(decimalFromStorage(value, QUANTITY_SCALE, scope.isSqlite));
  const [stock, demand, onOrder] = await Promise.all([
    em.execute(
      'select part_id, sum(on_hand - reserved) as available from spare_parts_stock_balance group by part_id',
    ),
    em.execute(
      `select part_id, -sum(quantity) as issued from spare_parts_stock_movement
        where kind = 'ISSUE' and occurred_at >= ? group by part_id`,
      [scope.isSqlite ? since.getTime() : since],
    ),
    em.execute(
      `select l.part_id, sum(l.quantity - l.received_quantity) as open
         from spare_parts_purchase_order_line l
         join spare_parts_purchase_order o on o.id = l.purchase_order_id
        where o.status in ('PLACED', 'PARTIALLY_RECEIVED') group by l.part_id`,
    ),
  ]);
  const byPart = (rows: Record<string, unknown>[], column: string) =>
    new Map(rows.map((row) => [String(row.part_id), decimal(row[column])]));
  const available = byPart(stock, 'available');
  const issued = byPart(demand, 'issued');
  const open = byPart(onOrder, 'open');

  // NOTE: every part of the catalogue is read and checked in memory, which suits catalogues of a
  // few thousand parts.
  const parts = await scope.em.find(Part, {}, { orderBy: { critical: 'DESC', partNumber: 'ASC' } });
  const plan: ProcurementPlanLine[] = [];
  for (const part of parts) {
    if (plan.length >= limit) break;
    const line = planLine(part, {
      available: available.get(part.id) ?? new Big(0),
      onOrder: open.get(part.id) ?? new Big(0),
      issued: issued.get(part.id) ?? new Big(0),
      demandDays,
      coverageDays,
    });
    if (line) plan.push(line);
  }
  return plan;
}

/** Returns the suggestion for one part, or null when its stock position needs none. */
function planLine(
  part: Part,
  figures: { available: Big; onOrder: Big; issued: Big; demandDays: number; coverageDays: number },
): ProcurementPlanLine | null {
  const format = (value: Big) => value.toFixed(QUANTITY_SCALE);
  const reorderPoint = new Big(part.reorderPoint);
  const safetyStock = new Big(part.safetyStock);
  const daily = figures.issued.div(figures.demandDays);
  const forecast = daily.times(figures.coverageDays);
  const floor = reorderPoint.gt(safetyStock) ? reorderPoint : safetyStock;
  const target = floor.plus(forecast);
  const position = figures.available.plus(figures.onOrder);

  const reasons: string[] = [];
  if (reorderPoint.gt(0) && position.lte(reorderPoint))
    reasons.push(
      `stock position ${format(position)} is at or below the reorder point ${format(reorderPoint)}`,
    );
  if (position.lt(safetyStock))
    reasons.push(
      `stock position ${format(position)} is below the safety stock ${format(safetyStock)}`,
    );
  if (forecast.gt(0) && position.lt(forecast))
    reasons.push(
      `stock position ${format(position)} does not cover the forecast demand ${format(forecast)} of the next ${figures.coverageDays} days`,
    );
  if (reasons.length === 0 || target.lte(position)) return null;

  const suggested = target.minus(position).round(0, Big.roundUp);
  return {
    part,
    available: format(figures.available),
    onOrder: format(figures.onOrder),
    demandQuantity: format(figures.issued),
    demandDays: figures.demandDays,
    averageDailyDemand: daily.toFixed(QUANTITY_SCALE),
    reorderPoint: format(reorderPoint),
    safetyStock: format(safetyStock),
    targetLevel: format(target),
    suggestedQuantity: format(suggested),
    reason: reasons.join('; '),
  };
}
