import { ConfigError, type RequestScope } from '../../../core/index.js';
import { RepairOrderEventPurge } from '../entities/repair-order-event-purge.entity.js';
import { RepairOrderEvent } from '../entities/repair-order-event.entity.js';

/** Default retention of repair order events, in hours. */
export const DEFAULT_EVENT_RETENTION_HOURS = 72;

/** Id of the one row of `repair_order_event_purge`. */
const PURGE_ROW_ID = 1;

/**
 * Reads `REPAIR_EVENT_RETENTION_HOURS`: how long repair order events stay replayable, in hours
 * (a whole number from 1 to 8760, 72 when unset). Throws a ConfigError for any other value.
 */
export function readEventRetentionHours(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REPAIR_EVENT_RETENTION_HOURS?.trim();
  if (!raw) return DEFAULT_EVENT_RETENTION_HOURS;
  const hours = Number(raw);
  if (!Number.isInteger(hours) || hours < 1 || hours > 8760) {
    throw new ConfigError([
      `REPAIR_EVENT_RETENTION_HOURS is invalid ("${raw}"): expected a whole number of hours from 1 to 8760`,
    ]);
  }
  return hours;
}

/**
 * Deletes the repair order events that occurred more than `retentionHours` ago and records the
 * highest deleted id, so that a subscription resuming from before it gets a gap notice. Returns
 * the number of deleted events.
 */
export async function deleteExpiredRepairOrderEvents(
  scope: RequestScope,
  retentionHours: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionHours * 3_600_000);
  return scope.em.transactional(async (em) => {
    const newestExpired = await em.findOne(
      RepairOrderEvent,
      { occurredAt: { $lt: cutoff } },
      { orderBy: { id: 'DESC' }, fields: ['id'], filters: false },
    );
    if (!newestExpired) return 0;
    // Deleting by id, not by time, keeps the log a contiguous suffix even when clocks disagree.
    const deleted = await em.nativeDelete(
      RepairOrderEvent,
      { id: { $lte: newestExpired.id } },
      { filters: false },
    );
    const purge = await em.findOne(RepairOrderEventPurge, PURGE_ROW_ID, { filters: false });
    if (purge) {
      purge.deletedThroughId = Math.max(purge.deletedThroughId, newestExpired.id);
      purge.purgedAt = now;
    } else {
      em.create(RepairOrderEventPurge, {
        id: PURGE_ROW_ID,
        deletedThroughId: newestExpired.id,
        purgedAt: now,
      });
    }
    await em.flush();
    scope.logger.info(
      { deleted, deletedThroughId: newestExpired.id, retentionHours },
      'expired repair order events deleted',
    );
    return deleted;
  });
}

/** Returns the highest deleted event id, or 0 when no event was ever deleted. */
export async function deletedThroughEventId(scope: RequestScope): Promise<number> {
  const purge = await scope.em.findOne(RepairOrderEventPurge, PURGE_ROW_ID, { filters: false });
  return purge?.deletedThroughId ?? 0;
}
