import {
  BeforeCreate,
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type EventArgs,
  type Ref,
} from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Customer, Equipment, Tenancy, excludeFromAudit } from '../../../core/index.js';
import { RepairOrder } from './repair-order.entity.js';
import { RepairOrderStatus } from './repair-order.enums.js';

/**
 * Key of the PostgreSQL advisory lock that serializes inserts into `repair_order_event`. Any
 * constant works, as long as no other code uses it for another purpose.
 */
const EVENT_ORDER_LOCK_KEY = 7_301_202_611;

/**
 * One committed change of a repair order, in the log that subscriptions replay and follow.
 *
 * Ids increase in commit order: a subscriber that has read every event up to id N never later
 * finds a committed event below N. SQLite allows one writing transaction at a time, so its
 * autoincrement ids already follow commit order. On PostgreSQL a sequence alone does not (a
 * transaction may take id 10, another id 11 and commit first), so each transaction that inserts
 * an event first takes a transaction-level advisory lock, held until it commits or rolls back.
 * Ids may have holes, because a rolled-back transaction does not return its sequence values.
 */
@Entity({ tableName: 'repair_order_event' })
@Tenancy({ owner: 'customer' })
export class RepairOrderEvent {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => RepairOrder, { ref: true })
  order!: Ref<RepairOrder>;

  /** The order's customer when the change happened; tenancy checks rely on it. */
  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Equipment, { ref: true })
  equipment!: Ref<Equipment>;

  /** The order's status after the change. */
  @Enum({ items: () => RepairOrderStatus, type: 'string' })
  status!: RepairOrderStatus;

  /** The order's urgency after the change, or null when orders have none. */
  @Property({ type: 'string', length: 32, nullable: true })
  urgency?: string | null;

  /** The mutation or step, such as "report" or "dispatch". */
  @Property({ type: 'string', length: 64 })
  kind!: string;

  @Enum({ items: () => RepairOrderStatus, type: 'string', nullable: true })
  fromStatus?: RepairOrderStatus | null;

  @Enum({ items: () => RepairOrderStatus, type: 'string' })
  toStatus!: RepairOrderStatus;

  @Index()
  @Property({ type: DateTimeType })
  occurredAt!: Date;

  // Runs inside the flush's transaction, just before the insert takes its id.
  @BeforeCreate()
  async lockCommitOrder(args: EventArgs<RepairOrderEvent>): Promise<void> {
    if (!(args.em.getPlatform() instanceof PostgreSqlPlatform)) return;
    // NOTE: a transaction that locked rows in an earlier flush and then waits here can deadlock
    // with one that holds this lock and needs those rows. PostgreSQL then aborts one of them.
    await args.em
      .getConnection('write')
      .execute(
        'select pg_advisory_xact_lock(?)',
        [EVENT_ORDER_LOCK_KEY],
        'all',
        args.em.getTransactionContext(),
      );
  }
}

// Each row is already the record of a change, so auditing it would double the writes.
excludeFromAudit(RepairOrderEvent);
