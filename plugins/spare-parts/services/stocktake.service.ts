import Big from 'big.js';
import {
  flushChecked,
  fromGlobalId,
  requireRecord,
  requireRecordAtVersion,
  type RequestScope,
} from '../../../core/index.js';
import type {
  OpenStocktakeInput,
  RecordStocktakeCountsInput,
  StocktakeActionInput,
} from '../api/stocktake.input.js';
import { Part } from '../entities/part.entity.js';
import { StockBalance } from '../entities/stock-balance.entity.js';
import { StocktakeStatus as S, StockMovementKind } from '../entities/spare-parts.enums.js';
import { StocktakeLine } from '../entities/stocktake-line.entity.js';
import { Stocktake } from '../entities/stocktake.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { sparePartsErrors } from '../errors.js';
import { formatQuantity, newRecordNumber } from './quantities.js';
import { StockLocks } from './stock-ledger.service.js';
import { inStockTransaction } from './stock-transaction.js';

function checkOpen(stocktake: Stocktake, to: S): void {
  if (stocktake.status !== S.OPEN)
    throw sparePartsErrors.illegalState('Stocktake', stocktake.number, stocktake.status, to, [
      S.OPEN,
    ]);
}

/** Opens a stocktake of a warehouse and snapshots the book quantity of every part it holds. */
export async function openStocktake(scope: RequestScope, input: OpenStocktakeInput) {
  const warehouse = await requireRecord(scope, Warehouse, input.warehouseId, 'input.warehouseId');
  const extras: Part[] = [];
  for (const [index, id] of (input.extraPartIds ?? []).entries())
    extras.push(await requireRecord(scope, Part, id, `input.extraPartIds.${index}`));
  const stocktake = scope.em.create(Stocktake, {
    number: newRecordNumber('ST'),
    warehouse,
    openedAt: new Date(),
    openedBy: scope.principal.name,
  });
  const balances = await scope.em.find(StockBalance, { warehouse: warehouse.id });
  const book = new Map(balances.map((row) => [row.part.id, row.onHand]));
  const partIds = new Set([...book.keys(), ...extras.map((part) => part.id)]);
  for (const partId of partIds) {
    scope.em.create(StocktakeLine, {
      stocktake,
      part: scope.em.getReference(Part, partId),
      bookQuantity: book.get(partId) ?? '0.000',
    });
  }
  await flushChecked(scope, []);
  return stocktake;
}

/** Records counts, and reasons for differences, on an open stocktake. */
export async function recordStocktakeCounts(
  scope: RequestScope,
  input: RecordStocktakeCountsInput,
) {
  const stocktake = await requireRecordAtVersion(scope, Stocktake, input);
  checkOpen(stocktake, S.OPEN);
  const lines = await scope.em.find(StocktakeLine, { stocktake: stocktake.id });
  const now = new Date();
  for (const [index, count] of input.counts.entries()) {
    const field = `input.counts.${index}.lineId`;
    const { id } = fromGlobalId(count.lineId, field, 'StocktakeLine');
    const line = lines.find((candidate) => candidate.id === id);
    if (!line) throw sparePartsErrors.lineNotOnRecord(field, 'stocktake', stocktake.number);
    line.countedQuantity = formatQuantity(new Big(count.countedQuantity));
    line.discrepancyReason = count.discrepancyReason?.trim() || null;
    line.countedAt = now;
    line.countedBy = scope.principal.name;
  }
  stocktake.updatedAt = now;
  await flushChecked(scope, []);
  return stocktake;
}

/**
 * Posts an open stocktake: every line must be counted and every difference explained. Each
 * line whose count differs from the current book gets an ADJUSTMENT movement that brings the
 * book to the count. A posted stocktake does not change again.
 */
export async function postStocktake(scope: RequestScope, input: StocktakeActionInput) {
  const stocktake = await requireRecordAtVersion(scope, Stocktake, input);
  checkOpen(stocktake, S.POSTED);
  const warehouse = await scope.em.findOneOrFail(Warehouse, { id: stocktake.warehouse.id });
  const lines = await scope.em.find(
    StocktakeLine,
    { stocktake: stocktake.id },
    { populate: ['part'], orderBy: { part: { partNumber: 'ASC' } } },
  );
  const problems: { field: string; message: string }[] = [];
  for (const line of lines) {
    const partNumber = line.part.$.partNumber;
    if (line.countedQuantity === null || line.countedQuantity === undefined) {
      problems.push({ field: 'input.id', message: `part ${partNumber} has not been counted` });
    } else if (!new Big(line.countedQuantity).eq(line.bookQuantity) && !line.discrepancyReason) {
      problems.push({
        field: 'input.id',
        message: `part ${partNumber} was counted at ${line.countedQuantity} against a book quantity of ${line.bookQuantity} and needs a discrepancyReason`,
      });
    }
  }
  if (problems.length > 0) throw sparePartsErrors.stocktakeIncomplete(problems);
  return inStockTransaction(scope, async () => {
    const locks = new StockLocks(scope);
    await locks.lock(lines.map((line) => ({ part: line.part.$, warehouse })));
    const now = new Date();
    for (const line of lines) {
      const row = locks.get(line.part.$, warehouse);
      const counted = new Big(line.countedQuantity!);
      const adjustment = counted.minus(row.onHand);
      line.adjustmentQuantity = formatQuantity(adjustment);
      if (adjustment.eq(0)) continue;
      if (counted.lt(row.reserved)) {
        throw sparePartsErrors.stocktakeBelowReserved(
          line.part.$.partNumber,
          warehouse.code,
          formatQuantity(counted),
          formatQuantity(row.reserved),
        );
      }
      locks.move(row, {
        kind: StockMovementKind.ADJUSTMENT,
        quantity: adjustment,
        unitCost: line.part.$.unitCost ?? null,
        occurredAt: now,
        note: `${stocktake.number}: ${line.discrepancyReason ?? 'book changed since the stocktake opened'}`,
        cause: { stocktakeLine: line },
      });
    }
    stocktake.status = S.POSTED;
    stocktake.postedAt = now;
    stocktake.postedBy = scope.principal.name;
    await locks.finish(stocktake);
    return stocktake;
  });
}

/** Cancels an open stocktake without adjusting anything. */
export async function cancelStocktake(scope: RequestScope, input: StocktakeActionInput) {
  const stocktake = await requireRecordAtVersion(scope, Stocktake, input);
  checkOpen(stocktake, S.CANCELLED);
  stocktake.status = S.CANCELLED;
  await flushChecked(scope, []);
  return stocktake;
}
