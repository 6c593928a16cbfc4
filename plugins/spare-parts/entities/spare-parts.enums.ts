import { registerEnumType } from 'type-graphql';

/** Kind of a stock ledger movement. The movement's quantity carries the sign. */
export enum StockMovementKind {
  RECEIPT = 'RECEIPT',
  ISSUE = 'ISSUE',
  RETURN = 'RETURN',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
  ADJUSTMENT = 'ADJUSTMENT',
}

registerEnumType(StockMovementKind, {
  name: 'StockMovementKind',
  description: 'Kind of a stock ledger movement (入库, 出库, 退库, 调拨, 盘点调整).',
  valuesConfig: {
    RECEIPT: { description: 'Goods received against a purchase order line. Positive.' },
    ISSUE: { description: 'Stock issued against a requisition line. Negative.' },
    RETURN: { description: 'Unused issued stock brought back to the warehouse. Positive.' },
    TRANSFER_IN: { description: 'Stock arriving from another warehouse. Positive.' },
    TRANSFER_OUT: { description: 'Stock leaving for another warehouse. Negative.' },
    ADJUSTMENT: { description: 'Stocktake correction that brings book to count. Either sign.' },
  },
});

/** State of a requisition (领用申请单). */
export enum RequisitionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PARTIALLY_ISSUED = 'PARTIALLY_ISSUED',
  ISSUED = 'ISSUED',
  CANCELLED = 'CANCELLED',
}

/** Fate of the part that a fitted spare part replaced. */
export enum OldPartDisposition {
  RETURNED = 'RETURNED',
  SCRAPPED = 'SCRAPPED',
  NOT_RETURNED = 'NOT_RETURNED',
}

/** State of a purchase order. */
export enum PurchaseOrderStatus {
  DRAFT = 'DRAFT',
  PLACED = 'PLACED',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** State of a stocktake (盘点). */
export enum StocktakeStatus {
  OPEN = 'OPEN',
  POSTED = 'POSTED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(RequisitionStatus, {
  name: 'RequisitionStatus',
  description:
    'DRAFT → SUBMITTED → APPROVED → PARTIALLY_ISSUED → ISSUED; SUBMITTED → REJECTED; cancellable until fully issued.',
});
registerEnumType(OldPartDisposition, {
  name: 'OldPartDisposition',
  description: 'What happened to the replaced part: returned to stores, scrapped, or not returned.',
});
registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description: 'DRAFT → PLACED → PARTIALLY_RECEIVED → RECEIVED; DRAFT or PLACED → CANCELLED.',
});
registerEnumType(StocktakeStatus, {
  name: 'StocktakeStatus',
  description: 'OPEN → POSTED (immutable afterwards) or OPEN → CANCELLED.',
});
