import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Access,
  ConnectionArgs,
  connectionType,
  createOnce,
  findPage,
  fromGlobalId,
  loadReference,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { StockBalance } from '../entities/stock-balance.entity.js';
import { PurchaseReceiptLine } from '../entities/purchase-receipt-line.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { StockMovement } from '../entities/stock-movement.entity.js';
import { StocktakeLine } from '../entities/stocktake-line.entity.js';
import { StockTransfer } from '../entities/stock-transfer.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { createStockTransfer } from '../services/stock-transfer.service.js';
import {
  CreateStockTransferInput,
  StockLevelFilter,
  StockMovementFilter,
  StockTransferPayload,
} from './stock.input.js';

export const StockLevelConnection = connectionType('StockLevel', StockBalance);
export const StockMovementConnection = connectionType('StockMovement', StockMovement);

@Resolver(() => StockMovement)
export class StockResolver {
  @Access({ roles: 'any' })
  @Query(() => StockLevelConnection, {
    description: 'Stock per part and warehouse, in a stable order.',
  })
  stockLevels(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => StockLevelFilter, { nullable: true }) filter?: StockLevelFilter,
  ) {
    const where: Record<string, unknown> = {};
    if (filter?.partId) where.part = fromGlobalId(filter.partId, 'filter.partId', 'Part').id;
    if (filter?.warehouseId)
      where.warehouse = fromGlobalId(filter.warehouseId, 'filter.warehouseId', 'Warehouse').id;
    return findPage(scope, StockBalance, where, { property: 'id', direction: 'ASC' }, page);
  }

  @Access({ roles: 'any' })
  @Query(() => StockMovementConnection, { description: 'Stock ledger entries, newest first.' })
  stockMovements(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => StockMovementFilter, { nullable: true }) filter?: StockMovementFilter,
  ) {
    const where: Record<string, unknown> = {};
    if (filter?.partId) where.part = fromGlobalId(filter.partId, 'filter.partId', 'Part').id;
    if (filter?.warehouseId)
      where.warehouse = fromGlobalId(filter.warehouseId, 'filter.warehouseId', 'Warehouse').id;
    if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
    const occurredAt: Record<string, Date> = {};
    if (filter?.from) occurredAt.$gte = filter.from;
    if (filter?.to) occurredAt.$lt = filter.to;
    if (filter?.from || filter?.to) where.occurredAt = occurredAt;
    return findPage(
      scope,
      StockMovement,
      where,
      { property: 'occurredAt', direction: 'DESC' },
      page,
    );
  }

  @Access({ roles: [StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN] })
  @Mutation(() => StockTransferPayload, {
    description: 'Moves available stock between warehouses (TRANSFER_OUT and TRANSFER_IN).',
  })
  async createStockTransfer(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateStockTransferInput) input: CreateStockTransferInput,
  ): Promise<StockTransferPayload> {
    return {
      stockTransfer: await createOnce(scope, 'createStockTransfer', StockTransfer, input, () =>
        createStockTransfer(scope, input),
      ),
    };
  }

  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, Part, movement.part);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, Warehouse, movement.warehouse);
  }

  @FieldResolver(() => RequisitionLine, {
    nullable: true,
    description: 'The requisition line of an ISSUE or RETURN.',
  })
  requisitionLine(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, RequisitionLine, movement.requisitionLine);
  }

  @FieldResolver(() => PurchaseReceiptLine, {
    nullable: true,
    description: 'The purchase receipt line of a RECEIPT.',
  })
  receiptLine(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, PurchaseReceiptLine, movement.receiptLine);
  }

  @FieldResolver(() => StocktakeLine, {
    nullable: true,
    description: 'The stocktake line of an ADJUSTMENT.',
  })
  stocktakeLine(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, StocktakeLine, movement.stocktakeLine);
  }

  @FieldResolver(() => StockTransfer, {
    nullable: true,
    description: 'The transfer of a TRANSFER_OUT or TRANSFER_IN.',
  })
  transfer(@Ctx() scope: RequestScope, @Root() movement: StockMovement) {
    return loadReference(scope, StockTransfer, movement.transfer);
  }
}

@Resolver(() => StockTransfer)
export class StockTransferResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() transfer: StockTransfer) {
    return loadReference(scope, Part, transfer.part);
  }

  @FieldResolver(() => Warehouse)
  fromWarehouse(@Ctx() scope: RequestScope, @Root() transfer: StockTransfer) {
    return loadReference(scope, Warehouse, transfer.fromWarehouse);
  }

  @FieldResolver(() => Warehouse)
  toWarehouse(@Ctx() scope: RequestScope, @Root() transfer: StockTransfer) {
    return loadReference(scope, Warehouse, transfer.toWarehouse);
  }
}
