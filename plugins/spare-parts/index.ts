import { definePlugin } from '../../core/index.js';
import { addRepairCloseCheck } from '../repair/index.js';
import { ABC_ENTITIES, ABC_RESOLVERS } from './abc/index.js';
import {
  PartResolver,
  StockLevelResolver,
  SupplierResolver,
  WarehouseResolver,
} from './api/catalogue.resolver.js';
import {
  PurchaseOrderLineResolver,
  PurchaseOrderResolver,
  PurchaseReceiptResolver,
} from './api/purchasing.resolver.js';
import {
  RepairOrderPartsUsedResolver,
  RepairPartUsageResolver,
} from './api/repair-order-parts-used.resolver.js';
import { RequisitionLineResolver, RequisitionResolver } from './api/requisition.resolver.js';
import { StockSubscriptionResolver } from './api/stock-subscriptions.resolver.js';
import { StockResolver, StockTransferResolver } from './api/stock.resolver.js';
import { StocktakeLineResolver, StocktakeResolver } from './api/stocktake.resolver.js';
import { PartCompatibleModel } from './entities/part-compatible-model.entity.js';
import { Part } from './entities/part.entity.js';
import { PurchaseOrderLine } from './entities/purchase-order-line.entity.js';
import { PurchaseOrder } from './entities/purchase-order.entity.js';
import { PurchaseReceiptLine } from './entities/purchase-receipt-line.entity.js';
import { PurchaseReceipt } from './entities/purchase-receipt.entity.js';
import { RepairPartUsage } from './entities/repair-part-usage.entity.js';
import { RequisitionLine } from './entities/requisition-line.entity.js';
import { Requisition } from './entities/requisition.entity.js';
import { StockBalance } from './entities/stock-balance.entity.js';
import { StockMovement } from './entities/stock-movement.entity.js';
import { StockTransfer } from './entities/stock-transfer.entity.js';
import { StocktakeLine } from './entities/stocktake-line.entity.js';
import { Stocktake } from './entities/stocktake.entity.js';
import { Supplier } from './entities/supplier.entity.js';
import { Warehouse } from './entities/warehouse.entity.js';
import { PART_BELOW_REORDER_POINT_TOPIC, STOCK_CHANGED_TOPIC } from './events/stock-events.js';
import { importCarpartsDemand } from './import/carparts-import.js';
import { SPARE_PARTS_MIGRATIONS } from './migrations/index.js';
import { missingPartItems } from './services/repair-parts.service.js';

export { Part } from './entities/part.entity.js';
export { Warehouse } from './entities/warehouse.entity.js';
export { Supplier } from './entities/supplier.entity.js';
export { StockMovement } from './entities/stock-movement.entity.js';
export { StockBalance } from './entities/stock-balance.entity.js';
export {
  OldPartDisposition,
  PurchaseOrderStatus,
  RequisitionStatus,
  StockMovementKind,
  StocktakeStatus,
} from './entities/spare-parts.enums.js';
export {
  MONEY_SCALE,
  QUANTITY_SCALE,
  moneyType,
  quantityType,
} from './entities/spare-parts.decimals.js';
export { PART_BELOW_REORDER_POINT_TOPIC, STOCK_CHANGED_TOPIC } from './events/stock-events.js';

// Closing a repair order also needs its fitted parts accounted for; the check skips itself when
// this plugin is not enabled.
addRepairCloseCheck(missingPartItems);

/**
 * Spare parts (配件): the catalogue, warehouses, suppliers, the append-only stock ledger with
 * reservations, requisitions, purchasing, stocktakes, transfers and parts fitted on repair orders.
 */
export const sparePartsPlugin = definePlugin({
  id: 'spare-parts',
  requires: ['repair'],
  entities: [
    Part,
    PartCompatibleModel,
    Warehouse,
    Supplier,
    StockMovement,
    StockBalance,
    Requisition,
    RequisitionLine,
    RepairPartUsage,
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseReceipt,
    PurchaseReceiptLine,
    Stocktake,
    StocktakeLine,
    StockTransfer,
    ...ABC_ENTITIES,
  ],
  migrations: SPARE_PARTS_MIGRATIONS,
  resolvers: [
    PartResolver,
    StockLevelResolver,
    WarehouseResolver,
    SupplierResolver,
    StockResolver,
    StockTransferResolver,
    RequisitionResolver,
    RequisitionLineResolver,
    PurchaseOrderResolver,
    PurchaseOrderLineResolver,
    PurchaseReceiptResolver,
    StocktakeResolver,
    StocktakeLineResolver,
    RepairOrderPartsUsedResolver,
    RepairPartUsageResolver,
    StockSubscriptionResolver,
    ...ABC_RESOLVERS,
  ],
  topics: [STOCK_CHANGED_TOPIC, PART_BELOW_REORDER_POINT_TOPIC],
  seed: async (scope) => {
    const report = await importCarpartsDemand(scope);
    scope.logger.info(
      {
        parts: report.partsCreated,
        issues: report.movementsCreated,
        rejected: report.rejected.length,
      },
      'car parts demand history loaded',
    );
  },
});
