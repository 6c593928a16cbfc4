import { requireRecord, type RequestScope } from '../../../core/index.js';
import type { CreateStockTransferInput } from '../api/stock.input.js';
import { Part } from '../entities/part.entity.js';
import { StockMovementKind } from '../entities/spare-parts.enums.js';
import { StockTransfer } from '../entities/stock-transfer.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { sparePartsErrors } from '../errors.js';
import { formatQuantity, positiveQuantity } from './quantities.js';
import { StockLocks } from './stock-ledger.service.js';
import { inStockTransaction } from './stock-transaction.js';

/** Moves available stock of a part between warehouses as a TRANSFER_OUT and TRANSFER_IN pair. */
export async function createStockTransfer(
  scope: RequestScope,
  input: CreateStockTransferInput,
): Promise<StockTransfer> {
  const part = await requireRecord(scope, Part, input.partId, 'input.partId');
  const from = await requireRecord(
    scope,
    Warehouse,
    input.fromWarehouseId,
    'input.fromWarehouseId',
  );
  const to = await requireRecord(scope, Warehouse, input.toWarehouseId, 'input.toWarehouseId');
  if (from.id === to.id) throw sparePartsErrors.sameWarehouse();
  const quantity = positiveQuantity('input.quantity', input.quantity);
  return inStockTransaction(scope, async () => {
    const locks = new StockLocks(scope);
    await locks.lock([
      { part, warehouse: from },
      { part, warehouse: to },
    ]);
    const source = locks.get(part, from);
    locks.requireAvailable(source, quantity);
    const now = new Date();
    const transfer = scope.em.create(StockTransfer, {
      part,
      fromWarehouse: from,
      toWarehouse: to,
      quantity: formatQuantity(quantity),
      transferredAt: now,
      recordedBy: scope.principal.name,
      note: input.note ?? null,
    });
    const common = { unitCost: part.unitCost ?? null, occurredAt: now, note: input.note ?? null };
    locks.move(source, {
      ...common,
      kind: StockMovementKind.TRANSFER_OUT,
      quantity: quantity.neg(),
      cause: { transfer },
    });
    locks.move(locks.get(part, to), {
      ...common,
      kind: StockMovementKind.TRANSFER_IN,
      quantity,
      cause: { transfer },
    });
    await locks.finish(transfer);
    return transfer;
  });
}
