import { defineChildConnection } from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';

/** `Equipment.repairOrders`, newest first, one statement for every unit on a level. */
export const repairOrdersByEquipment = defineChildConnection({
  key: 'repair.ordersByEquipment',
  entity: RepairOrder,
  parentProperty: 'equipment',
  sort: { property: 'reportedAt', direction: 'DESC' },
});
