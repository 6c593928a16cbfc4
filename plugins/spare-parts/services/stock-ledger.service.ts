import { randomUUID } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/knex';
import Big from 'big.js';
import { afterCommit, decimalFromStorage, type RequestScope } from '../../../core/index.js';
import type { Part } from '../entities/part.entity.js';
import { QUANTITY_SCALE } from '../entities/spare-parts.decimals.js';
import type { StockMovementKind } from '../entities/spare-parts.enums.js';
import type { PurchaseReceiptLine } from '../entities/purchase-receipt-line.entity.js';
import type { RequisitionLine } from '../entities/requisition-line.entity.js';
import { StockMovement } from '../entities/stock-movement.entity.js';
import type { StockTransfer } from '../entities/stock-transfer.entity.js';
import type { StocktakeLine } from '../entities/stocktake-line.entity.js';
import type { Warehouse } from '../entities/warehouse.entity.js';
import { sparePartsErrors } from '../errors.js';
import { publishStockChanges, type StockChange } from '../events/stock-events.js';

/** The balance row of one part in one warehouse, locked by the current transaction. */
export interface LockedBalance {
  id: string;
  part: Part;
  warehouse: Warehouse;
  onHand: Big;
  reserved: Big;
  /** Available before this transaction changed the row. */
  availableBefore: Big;
}

/** A movement to append to the ledger; its quantity is signed. */
export interface MovementSpec {
  kind: StockMovementKind;
  quantity: Big;
  unitCost?: string | null;
  occurredAt?: Date;
  note?: string | null;
  cause?: {
    requisitionLine?: RequisitionLine;
    receiptLine?: PurchaseReceiptLine;
    stocktakeLine?: StocktakeLine;
    transfer?: StockTransfer;
  };
}

const BALANCE_TABLE = 'spare_parts_stock_balance';

function keyOf(part: Part, warehouse: Warehouse): string {
  return `${part.id}:${warehouse.id}`;
}

/**
 * The balance rows one stock transaction works on, written back by {@link finish}. One call of
 * {@link lock} takes its rows in key order, so two transactions that each lock their rows in one
 * call wait for each other instead of deadlocking. Every service here locks in one call.
 */
export class StockLocks {
  private readonly rows = new Map<string, LockedBalance>();

  constructor(private readonly scope: RequestScope) {}

  /**
   * Creates missing balance rows and locks the rows of `pairs` for the rest of the transaction:
   * SELECT … FOR UPDATE on PostgreSQL. On SQLite the transaction already holds the single
   * connection and the database's write lock, so no other transaction runs in between.
   */
  async lock(pairs: { part: Part; warehouse: Warehouse }[]): Promise<void> {
    const em = this.scope.em as SqlEntityManager;
    const pending = [...new Map(pairs.map((pair) => [keyOf(pair.part, pair.warehouse), pair]))]
      .filter(([key]) => !this.rows.has(key))
      .sort(([a], [b]) => a.localeCompare(b));
    for (const [key, { part, warehouse }] of pending) {
      await em.execute(
        `insert into ${BALANCE_TABLE} (id, part_id, warehouse_id, on_hand, reserved) values (?, ?, ?, 0, 0) on conflict (part_id, warehouse_id) do nothing`,
        [randomUUID(), part.id, warehouse.id],
      );
      const forUpdate = this.scope.isSqlite ? '' : ' for update';
      const [row] = (await em.execute(
        `select id, on_hand, reserved from ${BALANCE_TABLE} where part_id = ? and warehouse_id = ?${forUpdate}`,
        [part.id, warehouse.id],
      )) as { id: string; on_hand: unknown; reserved: unknown }[];
      const onHand = this.fromStorage(row.on_hand);
      const reserved = this.fromStorage(row.reserved);
      this.rows.set(key, {
        id: row.id,
        part,
        warehouse,
        onHand,
        reserved,
        availableBefore: onHand.minus(reserved),
      });
    }
  }

  /** Returns the locked row of a pair; {@link lock} must have locked it. */
  get(part: Part, warehouse: Warehouse): LockedBalance {
    const row = this.rows.get(keyOf(part, warehouse));
    if (!row) throw new Error(`Balance of ${part.partNumber} in ${warehouse.code} is not locked`);
    return row;
  }

  /** Throws the insufficient-stock error unless `quantity` is available in the locked row. */
  requireAvailable(row: LockedBalance, quantity: Big): void {
    const available = row.onHand.minus(row.reserved);
    if (available.lt(quantity)) {
      throw sparePartsErrors.insufficientStock(
        row.part.partNumber,
        row.warehouse.code,
        quantity.toFixed(QUANTITY_SCALE),
        (available.gt(0) ? available : new Big(0)).toFixed(QUANTITY_SCALE),
      );
    }
  }

  /** Reserves `quantity` (negative releases it) after checking that it is available. */
  reserve(row: LockedBalance, quantity: Big): void {
    if (quantity.gt(0)) this.requireAvailable(row, quantity);
    row.reserved = row.reserved.plus(quantity);
  }

  /** Appends a movement to the ledger and applies it to the locked row. */
  move(row: LockedBalance, spec: MovementSpec): StockMovement {
    const movement = this.scope.em.create(StockMovement, {
      part: row.part,
      warehouse: row.warehouse,
      kind: spec.kind,
      quantity: spec.quantity.toFixed(QUANTITY_SCALE),
      unitCost: spec.unitCost ?? null,
      occurredAt: spec.occurredAt ?? new Date(),
      note: spec.note ?? null,
      recordedBy: this.scope.principal.name,
      ...spec.cause,
    });
    row.onHand = row.onHand.plus(spec.quantity);
    return movement;
  }

  /**
   * Writes the changed rows back and schedules the change events for after the commit of the
   * flush that writes `carrier`. A row never ends with available stock below zero.
   */
  async finish(carrier: object): Promise<void> {
    const em = this.scope.em as SqlEntityManager;
    const changes: StockChange[] = [];
    for (const row of this.rows.values()) {
      const available = row.onHand.minus(row.reserved);
      if (available.lt(0) || row.reserved.lt(0)) {
        throw new Error(
          `Balance of ${row.part.partNumber} in ${row.warehouse.code} would become on hand ${row.onHand}, reserved ${row.reserved}`,
        );
      }
      await em.execute(`update ${BALANCE_TABLE} set on_hand = ?, reserved = ? where id = ?`, [
        this.toStorage(row.onHand),
        this.toStorage(row.reserved),
        row.id,
      ]);
      changes.push({
        partId: row.part.id,
        warehouseId: row.warehouse.id,
        availableDelta: available.minus(row.availableBefore),
      });
    }
    const crossings = await this.reorderCrossings(changes);
    afterCommit(carrier, () => publishStockChanges(this.scope, changes, crossings));
  }

  /** Returns the ids of parts whose total available stock fell to or below the reorder point. */
  private async reorderCrossings(changes: StockChange[]): Promise<string[]> {
    const parts = new Map<string, { part: Part; delta: Big }>();
    for (const row of this.rows.values()) {
      const change = changes.find(
        (entry) => entry.partId === row.part.id && entry.warehouseId === row.warehouse.id,
      )!;
      const entry = parts.get(row.part.id) ?? { part: row.part, delta: new Big(0) };
      entry.delta = entry.delta.plus(change.availableDelta);
      parts.set(row.part.id, entry);
    }
    const crossed: string[] = [];
    for (const { part, delta } of parts.values()) {
      const point = new Big(part.reorderPoint);
      if (point.lte(0) || delta.gte(0)) continue;
      const after = await totalAvailable(this.scope, part.id);
      if (after.lte(point) && after.minus(delta).gt(point)) crossed.push(part.id);
    }
    return crossed;
  }

  private fromStorage(value: unknown): Big {
    return new Big(decimalFromStorage(value, QUANTITY_SCALE, this.scope.isSqlite));
  }

  private toStorage(value: Big): string | number {
    return this.scope.isSqlite
      ? Number(value.times(10 ** QUANTITY_SCALE).toFixed(0))
      : value.toFixed(QUANTITY_SCALE);
  }
}

/** Sums the available stock of a part over all warehouses, inside the current transaction. */
export async function totalAvailable(scope: RequestScope, partId: string): Promise<Big> {
  const em = scope.em as SqlEntityManager;
  const [row] = (await em.execute(
    `select coalesce(sum(on_hand - reserved), 0) as available from ${BALANCE_TABLE} where part_id = ?`,
    [partId],
  )) as { available: unknown }[];
  return new Big(decimalFromStorage(row?.available, QUANTITY_SCALE, scope.isSqlite));
}
