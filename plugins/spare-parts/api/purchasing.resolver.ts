import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import Big from 'big.js';
import {
  Access,
  badUserInput,
  Money,
  ConnectionArgs,
  connectionType,
  createOnce,
  findPage,
  loadReference,
  requireRecord,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { PurchaseOrderLine } from '../entities/purchase-order-line.entity.js';
import { PurchaseOrder } from '../entities/purchase-order.entity.js';
import { PurchaseReceipt } from '../entities/purchase-receipt.entity.js';
import { MONEY_SCALE } from '../entities/spare-parts.decimals.js';
import { PurchaseOrderStatus } from '../entities/spare-parts.enums.js';
import { Supplier } from '../entities/supplier.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { linesByPurchaseOrder } from '../loaders/spare-parts.loaders.js';
import { buildProcurementPlan } from '../services/procurement-plan.service.js';
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  placePurchaseOrder,
  receivePurchaseOrder,
} from '../services/purchasing.service.js';
import {
  CreatePurchaseOrderInput,
  ProcurementPlanLine,
  PurchaseOrderActionInput,
  PurchaseOrderPayload,
  PurchaseReceiptPayload,
  ReceivePurchaseOrderInput,
} from './purchasing.input.js';

export const PurchaseOrderConnection = connectionType('PurchaseOrder', PurchaseOrder);

const BUYERS = [StaffRole.PROCUREMENT];
const RECEIVERS = [StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN];

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Access({ roles: 'any' })
  @Query(() => PurchaseOrder, { nullable: true, description: 'A purchase order by its global ID.' })
  purchaseOrder(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, PurchaseOrder, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => PurchaseOrderConnection, { description: 'Purchase orders, newest first.' })
  purchaseOrders(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('statuses', () => [PurchaseOrderStatus], { nullable: true })
    statuses?: PurchaseOrderStatus[],
  ) {
    const where = statuses?.length ? { status: { $in: statuses } } : {};
    return findPage(
      scope,
      PurchaseOrder,
      where,
      { property: 'createdAt', direction: 'DESC' },
      page,
    );
  }

  @Access({ roles: [...BUYERS, StaffRole.PARTS_CUSTODIAN] })
  @Query(() => [ProcurementPlanLine], {
    description:
      'Suggested purchases from recent demand (ISSUE movements), available stock, open orders, reorder points and safety stock. Critical parts first, then by part number.',
  })
  procurementPlan(
    @Ctx() scope: RequestScope,
    @Arg('demandDays', () => Int, {
      defaultValue: 90,
      description: 'Demand window, 1 to 730 days.',
    })
    demandDays: number,
    @Arg('coverageDays', () => Int, {
      defaultValue: 30,
      description: 'Days of forecast demand the stock should cover, 0 to 365.',
    })
    coverageDays: number,
    @Arg('first', () => Int, {
      defaultValue: 100,
      description: 'Number of suggestions to return, 1 to 500.',
    })
    first: number,
  ) {
    if (demandDays < 1 || demandDays > 730)
      throw badUserInput('demandDays', `demandDays ${demandDays} is invalid: send 1 to 730`);
    if (coverageDays < 0 || coverageDays > 365)
      throw badUserInput('coverageDays', `coverageDays ${coverageDays} is invalid: send 0 to 365`);
    if (first < 1 || first > 500)
      throw badUserInput('first', `first ${first} is invalid: send 1 to 500`);
    return buildProcurementPlan(scope, demandDays, coverageDays, first);
  }

  @Access({ roles: BUYERS })
  @Mutation(() => PurchaseOrderPayload, {
    description: 'Opens a purchase order in state DRAFT with a qualified supplier.',
  })
  async createPurchaseOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreatePurchaseOrderInput) input: CreatePurchaseOrderInput,
  ): Promise<PurchaseOrderPayload> {
    return {
      purchaseOrder: await createOnce(scope, 'createPurchaseOrder', PurchaseOrder, input, () =>
        createPurchaseOrder(scope, input),
      ),
    };
  }

  @Access({ roles: BUYERS })
  @Mutation(() => PurchaseOrderPayload, { description: 'DRAFT → PLACED.' })
  async placePurchaseOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => PurchaseOrderActionInput) input: PurchaseOrderActionInput,
  ): Promise<PurchaseOrderPayload> {
    return { purchaseOrder: await placePurchaseOrder(scope, input) };
  }

  @Access({ roles: BUYERS })
  @Mutation(() => PurchaseOrderPayload, {
    description: 'DRAFT or PLACED → CANCELLED, with a reason.',
  })
  async cancelPurchaseOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => PurchaseOrderActionInput) input: PurchaseOrderActionInput,
  ): Promise<PurchaseOrderPayload> {
    return { purchaseOrder: await cancelPurchaseOrder(scope, input) };
  }

  @Access({ roles: RECEIVERS })
  @Mutation(() => PurchaseReceiptPayload, {
    description:
      'Receives goods against a placed order; each line needs a quality certificate number and writes a RECEIPT movement at the order price.',
  })
  async receivePurchaseOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => ReceivePurchaseOrderInput) input: ReceivePurchaseOrderInput,
  ): Promise<PurchaseReceiptPayload> {
    const run = () => receivePurchaseOrder(scope, input);
    if (!input.idempotencyKey) return run();
    let result: PurchaseReceiptPayload | undefined;
    const receipt = await createOnce(
      scope,
      'receivePurchaseOrder',
      PurchaseReceipt,
      input,
      async () => {
        result = await run();
        return result.receipt;
      },
    );
    return result ?? { receipt, purchaseOrder: await loadOrder(scope, receipt) };
  }

  @FieldResolver(() => Supplier)
  supplier(@Ctx() scope: RequestScope, @Root() order: PurchaseOrder) {
    return loadReference(scope, Supplier, order.supplier);
  }

  @FieldResolver(() => Money, { description: 'Sum of the line totals, in the order currency.' })
  async total(@Ctx() scope: RequestScope, @Root() order: PurchaseOrder): Promise<Money> {
    const lines = await scope.loader(linesByPurchaseOrder).load(order.id);
    const sum = lines.reduce((total, line) => total.plus(line.lineTotal), new Big(0));
    return new Money(sum.toFixed(MONEY_SCALE), order.currency);
  }

  @FieldResolver(() => [PurchaseOrderLine])
  lines(@Ctx() scope: RequestScope, @Root() order: PurchaseOrder) {
    return scope.loader(linesByPurchaseOrder).load(order.id);
  }
}

async function loadOrder(scope: RequestScope, receipt: PurchaseReceipt): Promise<PurchaseOrder> {
  return (await loadReference(scope, PurchaseOrder, receipt.purchaseOrder))!;
}

@Resolver(() => PurchaseOrderLine)
export class PurchaseOrderLineResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() line: PurchaseOrderLine) {
    return loadReference(scope, Part, line.part);
  }
}

@Resolver(() => PurchaseReceipt)
export class PurchaseReceiptResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() scope: RequestScope, @Root() receipt: PurchaseReceipt) {
    return loadReference(scope, Warehouse, receipt.warehouse);
  }
}
