import Big from 'big.js';
import {
  flushChecked,
  requireRecord,
  requireRecordAtVersion,
  type RequestScope,
} from '../../../core/index.js';
import type {
  CreatePurchaseOrderInput,
  PurchaseOrderActionInput,
  ReceivePurchaseOrderInput,
} from '../api/purchasing.input.js';
import { Part } from '../entities/part.entity.js';
import { PurchaseOrderLine } from '../entities/purchase-order-line.entity.js';
import { PurchaseOrder } from '../entities/purchase-order.entity.js';
import { PurchaseReceiptLine } from '../entities/purchase-receipt-line.entity.js';
import { PurchaseReceipt } from '../entities/purchase-receipt.entity.js';
import { PurchaseOrderStatus as S, StockMovementKind } from '../entities/spare-parts.enums.js';
import { Supplier } from '../entities/supplier.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { sparePartsErrors } from '../errors.js';
import { formatQuantity, newRecordNumber, positiveQuantity } from './quantities.js';
import { StockLocks } from './stock-ledger.service.js';
import { inStockTransaction } from './stock-transaction.js';

function checkState(order: PurchaseOrder, from: S[], to: S): void {
  if (!from.includes(order.status))
    throw sparePartsErrors.illegalState('Purchase order', order.number, order.status, to, from);
}

/** Opens a purchase order in state DRAFT with a qualified supplier. */
export async function createPurchaseOrder(scope: RequestScope, input: CreatePurchaseOrderInput) {
  const supplier = await requireRecord(scope, Supplier, input.supplierId, 'input.supplierId');
  if (!supplier.qualified) throw sparePartsErrors.supplierNotQualified(supplier.code);
  const order = scope.em.create(PurchaseOrder, {
    number: newRecordNumber('PO'),
    supplier,
    currency: input.currency,
    note: input.note ?? null,
    createdBy: scope.principal.name,
  });
  for (const [index, line] of input.lines.entries()) {
    const field = `input.lines.${index}`;
    const part = await requireRecord(scope, Part, line.partId, `${field}.partId`);
    scope.em.create(PurchaseOrderLine, {
      purchaseOrder: order,
      lineNumber: index + 1,
      part,
      specification: line.specification ?? part.specification ?? part.name,
      quantity: formatQuantity(positiveQuantity(`${field}.quantity`, line.quantity)),
      unitPrice: line.unitPrice,
      deliveryDate: line.deliveryDate,
      qualityTerms: line.qualityTerms,
    });
  }
  await flushChecked(scope, []);
  return order;
}

/** Sends a draft order to its supplier: DRAFT → PLACED. The supplier must still be qualified. */
export async function placePurchaseOrder(scope: RequestScope, input: PurchaseOrderActionInput) {
  const order = await requireRecordAtVersion(scope, PurchaseOrder, input);
  checkState(order, [S.DRAFT], S.PLACED);
  const supplier = await scope.em.findOneOrFail(Supplier, { id: order.supplier.id });
  if (!supplier.qualified) throw sparePartsErrors.supplierNotQualified(supplier.code);
  order.status = S.PLACED;
  order.placedAt = new Date();
  await flushChecked(scope, []);
  return order;
}

/** Cancels an order that has received nothing yet. */
export async function cancelPurchaseOrder(scope: RequestScope, input: PurchaseOrderActionInput) {
  const order = await requireRecordAtVersion(scope, PurchaseOrder, input);
  checkState(order, [S.DRAFT, S.PLACED], S.CANCELLED);
  if (!input.reason?.trim()) throw sparePartsErrors.missingReason('input.reason');
  order.status = S.CANCELLED;
  order.cancellationReason = input.reason;
  await flushChecked(scope, []);
  return order;
}

/**
 * Receives goods against the lines of a placed order. Every line needs a quality certificate
 * number, and no line may exceed its outstanding quantity. Each line writes a RECEIPT movement
 * at the order's unit price.
 */
export async function receivePurchaseOrder(scope: RequestScope, input: ReceivePurchaseOrderInput) {
  const order = await requireRecord(
    scope,
    PurchaseOrder,
    input.purchaseOrderId,
    'input.purchaseOrderId',
  );
  checkState(order, [S.PLACED, S.PARTIALLY_RECEIVED], S.RECEIVED);
  const warehouse = await requireRecord(scope, Warehouse, input.warehouseId, 'input.warehouseId');
  const lines = await scope.em.find(
    PurchaseOrderLine,
    { purchaseOrder: order.id },
    { populate: ['part'], orderBy: { lineNumber: 'ASC' } },
  );
  const seen = new Set<string>();
  const picks = input.lines.map((entry, index) => {
    const field = `input.lines.${index}`;
    const line = lines.find((candidate) => candidate.globalId === entry.orderLineId);
    if (!line)
      throw sparePartsErrors.lineNotOnRecord(
        `${field}.orderLineId`,
        'purchase order',
        order.number,
      );
    if (seen.has(line.id)) throw sparePartsErrors.duplicateLine(`${field}.orderLineId`);
    seen.add(line.id);
    const certificate = entry.qualityCertificateNumber?.trim();
    if (!certificate)
      throw sparePartsErrors.missingCertificate(`${field}.qualityCertificateNumber`);
    const quantity = positiveQuantity(`${field}.quantity`, entry.quantity);
    if (quantity.plus(line.receivedQuantity).gt(line.quantity)) {
      throw sparePartsErrors.overReceipt(
        `${field}.quantity`,
        line.part.$.partNumber,
        line.quantity,
        line.receivedQuantity,
        formatQuantity(quantity),
      );
    }
    return { line, quantity, certificate };
  });
  return inStockTransaction(scope, async () => {
    const receivedAt = input.receivedAt ?? new Date();
    const receipt = scope.em.create(PurchaseReceipt, {
      purchaseOrder: order,
      warehouse,
      receivedAt,
      receivedBy: scope.principal.name,
      note: input.note ?? null,
    });
    const locks = new StockLocks(scope);
    await locks.lock(picks.map(({ line }) => ({ part: line.part.$, warehouse })));
    for (const { line, quantity, certificate } of picks) {
      const receiptLine = scope.em.create(PurchaseReceiptLine, {
        receipt,
        orderLine: line,
        quantity: formatQuantity(quantity),
        qualityCertificateNumber: certificate,
      });
      locks.move(locks.get(line.part.$, warehouse), {
        kind: StockMovementKind.RECEIPT,
        quantity,
        unitCost: line.unitPrice,
        occurredAt: receivedAt,
        note: `${order.number} line ${line.lineNumber}, certificate ${certificate}`,
        cause: { receiptLine },
      });
      line.receivedQuantity = formatQuantity(quantity.plus(line.receivedQuantity));
    }
    const complete = lines.every((line) => new Big(line.receivedQuantity).gte(line.quantity));
    order.status = complete ? S.RECEIVED : S.PARTIALLY_RECEIVED;
    order.updatedAt = new Date();
    await locks.finish(receipt);
    return { receipt, purchaseOrder: order };
  });
}
