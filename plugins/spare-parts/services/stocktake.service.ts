import Big from 'big.js';
import {
  flushChecked,
  fromGlobalId,
  requireRecord,
  requireRecordAtVersion,
  staleVersion,
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
import { lockRecordState } from './record-lock.js';
import { StockLocks } from './stock-ledger.service.js';
import { inStockTransaction } from './stock-transaction.js';

function checkOpen(stocktake: Stocktake, to: S, status: S = stocktake.status): void {
  if (status !== S.OPEN)
    throw sparePartsErrors.illegalState('Stocktake', stocktake.number, status, to, [S.OPEN]);
}

/**
 * Locks the stocktake's row inside the stock transaction and checks that no other request changed
 * it since it was read, so that two posts, or a post and a count, cannot both apply.
 */
async function recheckUnderLock(scope: RequestScope, stocktake: Stocktake, to: S): Promise<void> {
  const current = await lockRecordState(scope, Stocktake, stocktake.id);
  if (current.version === stocktake.version) return;
  checkOpen(stocktake, to, current.status as S);
  throw staleVersion('Stocktake', stocktake.globalId, stocktake.version, current.version);
}

/** Returns the book quantity a line's count is compared with. */
export function bookAtCount(line: StocktakeLine): string {
  // Lines counted before the book at count time was recorded fall back to the opening snapshot.
  return line.countedBookQuantity ?? line.bookQuantity;
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

/**
 * Records counts, and reasons for differences, on an open stocktake. Each count stores the book
 * quantity of that moment, read under the balance row lock, because the count describes the
 * shelf at that moment and movements recorded later are carried forward when the stocktake posts.
 */
export async function recordStocktakeCounts(
  scope: RequestScope,
  input: RecordStocktakeCountsInput,
) {
  const stocktake = await requireRecordAtVersion(scope, Stocktake, input);
  checkOpen(stocktake, S.OPEN);
  const warehouse = await scope.em.findOneOrFail(Warehouse, { id: stocktake.warehouse.id });
  const lines = await scope.em.find(
    StocktakeLine,
    { stocktake: stocktake.id },
    { populate: ['part'] },
  );
  const counted: { line: StocktakeLine; quantity: string; reason: string | null }[] = [];
  for (const [index, count] of input.counts.entries()) {
    const field = `input.counts.${index}.lineId`;
    const { id } = fromGlobalId(count.lineId, field, 'StocktakeLine');
    const line = lines.find((candidate) => candidate.id === id);
    if (!line) throw sparePartsErrors.lineNotOnRecord(field, 'stocktake', stocktake.number);
    counted.push({
      line,
      quantity: formatQuantity(new Big(count.countedQuantity)),
      reason: count.discrepancyReason?.trim() || null,
    });
  }
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, stocktake, S.OPEN);
    const locks = new StockLocks(scope);
    await locks.lock(counted.map(({ line }) => ({ part: line.part.getEntity(), warehouse })));
    const now = new Date();
    for (const { line, quantity, reason } of counted) {
      line.countedQuantity = quantity;
      line.countedBookQuantity = formatQuantity(locks.get(line.part.getEntity(), warehouse).onHand);
      line.discrepancyReason = reason;
      line.countedAt = now;
      line.countedBy = scope.principal.name;
    }
    stocktake.updatedAt = now;
    return stocktake;
  });
}

/**
 * Posts an open stocktake: every line must be counted and every difference from the book at
 * count time explained. A line whose count differs gets an ADJUSTMENT of count − book at count
 * time, added to the current book under the balance row lock. On hand then equals the count plus
 * the movements recorded after it. A posted stocktake does not change again.
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
  checkPostable(lines);
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, stocktake, S.POSTED);
    const locks = new StockLocks(scope);
    await locks.lock(lines.map((line) => ({ part: line.part.$, warehouse })));
    const now = new Date();
    for (const line of lines) {
      const row = locks.get(line.part.$, warehouse);
      const counted = new Big(line.countedQuantity!);
      const adjustment = counted.minus(bookAtCount(line));
      line.adjustmentQuantity = formatQuantity(adjustment);
      if (adjustment.eq(0)) continue;
      const onHandAfter = row.onHand.plus(adjustment);
      if (onHandAfter.lt(row.reserved)) {
        throw sparePartsErrors.stocktakeBelowReserved(
          line.part.$.partNumber,
          warehouse.code,
          formatQuantity(counted),
          formatQuantity(onHandAfter),
          formatQuantity(row.reserved),
        );
      }
      locks.move(row, {
        kind: StockMovementKind.ADJUSTMENT,
        quantity: adjustment,
        unitCost: line.part.$.unitCost ?? null,
        occurredAt: now,
        note: `${stocktake.number}: ${line.discrepancyReason}`,
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

/**
 * Throws BAD_USER_INPUT listing every line that is not counted or whose difference has no reason.
 * Each problem names the line by its position in `Stocktake.lines`, which has the same order.
 */
function checkPostable(lines: StocktakeLine[]): void {
  const problems: { field: string; message: string; lineId: string; partNumber: string }[] = [];
  for (const [index, line] of lines.entries()) {
    const partNumber = line.part.getEntity().partNumber;
    const problem = { lineId: line.globalId, partNumber };
    if (line.countedQuantity === null || line.countedQuantity === undefined) {
      problems.push({
        ...problem,
        field: `lines.${index}.countedQuantity`,
        message: `part ${partNumber} has not been counted: record its count with recordStocktakeCounts`,
      });
    } else if (!new Big(line.countedQuantity).eq(bookAtCount(line)) && !line.discrepancyReason) {
      problems.push({
        ...problem,
        field: `lines.${index}.discrepancyReason`,
        message: `part ${partNumber} was counted at ${line.countedQuantity} against a book quantity of ${bookAtCount(line)} and needs a discrepancyReason: record one with recordStocktakeCounts`,
      });
    }
  }
  if (problems.length > 0) throw sparePartsErrors.stocktakeIncomplete(problems);
}

/** Cancels an open stocktake without adjusting anything. */
export async function cancelStocktake(scope: RequestScope, input: StocktakeActionInput) {
  const stocktake = await requireRecordAtVersion(scope, Stocktake, input);
  checkOpen(stocktake, S.CANCELLED);
  stocktake.status = S.CANCELLED;
  await flushChecked(scope, []);
  return stocktake;
}
