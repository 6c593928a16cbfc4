import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Tenancy, excludeFromAudit } from '../../../core/index.js';

/**
 * How far the retention job has deleted the repair order event log. A subscription resuming after
 * an id below `deletedThroughId` has missed events that no longer exist, and receives a gap notice.
 */
@Entity({ tableName: 'repair_order_event_purge' })
@Tenancy({ internal: true })
export class RepairOrderEventPurge {
  /** Always 1: the table has one row, created by the first purge. */
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  /** Highest event id deleted so far. Every event at or below it may be gone. */
  @Property({ type: 'integer' })
  deletedThroughId!: number;

  @Property({ type: 'datetime' })
  purgedAt!: Date;
}

excludeFromAudit(RepairOrderEventPurge);
