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
