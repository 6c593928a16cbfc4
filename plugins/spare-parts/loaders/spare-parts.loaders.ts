import DataLoader from 'dataloader';
import { defineLoader, EquipmentModel, groupByKey } from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { PurchaseOrderLine } from '../entities/purchase-order-line.entity.js';
import { RepairPartUsage } from '../entities/repair-part-usage.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { StockBalance } from '../entities/stock-balance.entity.js';
import { StocktakeLine } from '../entities/stocktake-line.entity.js';

/** Balance rows of each part, one statement for all parts of a level. */
export const stockBalancesByPart = defineLoader(
  'spare-parts.stockBalancesByPart',
  (scope) =>
    new DataLoader<string, StockBalance[]>(async (partIds) => {
      const rows = await scope.em.find(
        StockBalance,
        { part: { $in: [...partIds] } },
        { orderBy: { warehouse: 'ASC' } },
      );
      return groupByKey(partIds, rows, (row) => row.part.id);
    }),
);

/** Lines of each requisition in line order. */
export const linesByRequisition = defineLoader(
  'spare-parts.linesByRequisition',
  (scope) =>
    new DataLoader<string, RequisitionLine[]>(async (ids) => {
      const rows = await scope.em.find(
        RequisitionLine,
        { requisition: { $in: [...ids] } },
        { orderBy: { lineNumber: 'ASC' } },
      );
      return groupByKey(ids, rows, (row) => row.requisition.id);
    }),
);

/** Lines of each purchase order in line order. */
export const linesByPurchaseOrder = defineLoader(
  'spare-parts.linesByPurchaseOrder',
  (scope) =>
    new DataLoader<string, PurchaseOrderLine[]>(async (ids) => {
      const rows = await scope.em.find(
        PurchaseOrderLine,
        { purchaseOrder: { $in: [...ids] } },
        { orderBy: { lineNumber: 'ASC' } },
      );
      return groupByKey(ids, rows, (row) => row.purchaseOrder.id);
    }),
);

/** Lines of each stocktake, ordered by part. */
export const linesByStocktake = defineLoader(
  'spare-parts.linesByStocktake',
  (scope) =>
    new DataLoader<string, StocktakeLine[]>(async (ids) => {
      const rows = await scope.em.find(
        StocktakeLine,
        { stocktake: { $in: [...ids] } },
        { orderBy: { part: { partNumber: 'ASC' } } },
      );
      return groupByKey(ids, rows, (row) => row.stocktake.id);
    }),
);

/** Parts fitted on each repair order, in fitting order. */
export const partUsagesByRepairOrder = defineLoader(
  'spare-parts.partUsagesByRepairOrder',
  (scope) =>
    new DataLoader<string, RepairPartUsage[]>(async (ids) => {
      const rows = await scope.em.find(
        RepairPartUsage,
        { repairOrder: { $in: [...ids] } },
        { orderBy: { fittedAt: 'ASC', id: 'ASC' } },
      );
      return groupByKey(ids, rows, (row) => row.repairOrder.id);
    }),
);

/** Compatible equipment models of each part. */
export const compatibleModelsByPart = defineLoader(
  'spare-parts.compatibleModelsByPart',
  (scope) =>
    new DataLoader<string, EquipmentModel[]>(async (ids) => {
      const parts = await scope.em.find(
        Part,
        { id: { $in: [...ids] } },
        { populate: ['compatibleModels'] },
      );
      return ids.map(
        (id) => parts.find((part) => part.id === id)?.compatibleModels.getItems() ?? [],
      );
    }),
);
