import { definePlugin } from '../../core/index.js';
import { ABC_ENTITIES, ABC_RESOLVERS } from './abc/index.js';
import { Part } from './entities/part.entity.js';
import { StockMovement } from './entities/stock-movement.entity.js';
import { Supplier } from './entities/supplier.entity.js';
import { Warehouse } from './entities/warehouse.entity.js';
import { SPARE_PARTS_MIGRATIONS } from './migrations/index.js';

export { Part } from './entities/part.entity.js';
export { Warehouse } from './entities/warehouse.entity.js';
export { Supplier } from './entities/supplier.entity.js';
export { StockMovement } from './entities/stock-movement.entity.js';
export { StockMovementKind } from './entities/spare-parts.enums.js';
export {
  MONEY_SCALE,
  QUANTITY_SCALE,
  moneyType,
  quantityType,
} from './entities/spare-parts.decimals.js';

/**
 * Spare parts (配件): the catalogue, warehouses, suppliers and the append-only stock ledger.
 */
export const sparePartsPlugin = definePlugin({
  id: 'spare-parts',
  requires: ['repair'],
  entities: [Part, Warehouse, Supplier, StockMovement, ...ABC_ENTITIES],
  migrations: SPARE_PARTS_MIGRATIONS,
  resolvers: [...ABC_RESOLVERS],
});
