import { definePlugin } from '../../core/index.js';
import { EquipmentRepairOrdersResolver } from './api/equipment-repair-orders.resolver.js';
import { RepairOrderResolver } from './api/repair-order.resolver.js';
import { RepairOrder } from './entities/repair-order.entity.js';
import { importExcavatorHistory } from './import/excavator-import.js';
import { REPAIR_MIGRATIONS } from './migrations/index.js';

export { RepairOrder } from './entities/repair-order.entity.js';
export {
  RepairOrderStatus,
  RepairOrderType,
  ReportChannel,
} from './entities/repair-order.enums.js';
export { importExcavatorHistory, type ExcavatorImportReport } from './import/excavator-import.js';

/** Repair work orders (维修工单): the order record, its list, and `Equipment.repairOrders`. */
export const repairPlugin = definePlugin({
  id: 'repair',
  entities: [RepairOrder],
  migrations: REPAIR_MIGRATIONS,
  resolvers: [RepairOrderResolver, EquipmentRepairOrdersResolver],
  topics: [],
  seed: async (scope) => {
    const report = await importExcavatorHistory(scope);
    scope.logger.info(
      { imported: report.imported, rejected: report.rejected.length },
      'excavator history loaded',
    );
  },
});
