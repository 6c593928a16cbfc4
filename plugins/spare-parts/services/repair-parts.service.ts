import Big from 'big.js';
import {
  flushChecked,
  requireRecord,
  requireRecordAtVersion,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder, RepairOrderStatus, type MissingCloseItem } from '../../repair/index.js';
import type {
  RecordOldPartDispositionInput,
  RecordRepairPartUsedInput,
} from '../api/repair-parts.input.js';
import { RepairPartUsage } from '../entities/repair-part-usage.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { Requisition } from '../entities/requisition.entity.js';
import { OldPartDisposition } from '../entities/spare-parts.enums.js';
import { sparePartsErrors } from '../errors.js';
import { formatQuantity, positiveQuantity } from './quantities.js';

/** Repair order states in which fitted parts are recorded. */
const FITTING_STATES: readonly RepairOrderStatus[] = [
  RepairOrderStatus.PLAN_APPROVED,
  RepairOrderStatus.IN_REPAIR,
  RepairOrderStatus.PLAN_CHANGE_REQUESTED,
  RepairOrderStatus.AWAITING_ACCEPTANCE,
  RepairOrderStatus.ACCEPTED,
];

/** Records a part fitted on a repair order from stock issued on a requisition for that order. */
export async function recordRepairPartUsed(scope: RequestScope, input: RecordRepairPartUsedInput) {
  const order = await requireRecord(scope, RepairOrder, input.repairOrderId, 'input.repairOrderId');
  if (!FITTING_STATES.includes(order.status))
    throw sparePartsErrors.repairOrderNotFitting(order.number, order.status);
  const line = await requireRecord(
    scope,
    RequisitionLine,
    input.requisitionLineId,
    'input.requisitionLineId',
  );
  const requisition = await scope.em.findOneOrFail(Requisition, { id: line.requisition.id });
  if (requisition.repairOrder?.id !== order.id)
    throw sparePartsErrors.requisitionNotForOrder(requisition.number, order.number);

  const quantity = positiveQuantity('input.quantity', input.quantity);
  const remaining = new Big(line.issuedQuantity)
    .minus(line.returnedQuantity)
    .minus(line.fittedQuantity);
  if (quantity.gt(remaining)) {
    throw sparePartsErrors.quantityExceeds(
      'input.quantity',
      formatQuantity(quantity),
      formatQuantity(remaining),
      'the issued quantity neither returned nor fitted,',
    );
  }

  line.fittedQuantity = formatQuantity(quantity.plus(line.fittedQuantity));
  const usage = scope.em.create(RepairPartUsage, {
    repairOrder: order,
    requisitionLine: line,
    part: line.part,
    quantity: formatQuantity(quantity),
    serialOrBatch: input.serialOrBatch ?? null,
    fittedAt: input.fittedAt ?? new Date(),
    recordedBy: scope.principal.name,
  });
  await flushChecked(scope, []);
  return usage;
}

/** Records what happened to the part a fitted part replaced. */
export async function recordOldPartDisposition(
  scope: RequestScope,
  input: RecordOldPartDispositionInput,
) {
  const usage = await requireRecordAtVersion(scope, RepairPartUsage, input);
  if (input.disposition === OldPartDisposition.NOT_RETURNED && !input.note?.trim())
    throw sparePartsErrors.missingReason('input.note');
  usage.oldPartDisposition = input.disposition;
  usage.oldPartDispositionOn = input.on;
  usage.oldPartNote = input.note?.trim() || null;
  await flushChecked(scope, []);
  return usage;
}

/**
 * Closing check of repair orders: every fitted part has its old part's disposition recorded, and
 * every quantity issued for the order is fitted or returned. Skips itself when the spare-parts
 * plugin is not enabled, because its tables then do not exist.
 */
export async function missingPartItems(
  scope: RequestScope,
  order: RepairOrder,
): Promise<MissingCloseItem[]> {
  if (!scope.em.getMetadata().find(RepairPartUsage.name)) return [];
  const [usages, lines] = await Promise.all([
    scope.em.find(RepairPartUsage, { repairOrder: order.id }, { populate: ['part'] }),
    scope.em.find(
      RequisitionLine,
      { requisition: { repairOrder: order.id } },
      { populate: ['part'] },
    ),
  ]);
  const missing: MissingCloseItem[] = [];
  const undisposed = usages.filter((usage) => !usage.oldPartDisposition);
  if (undisposed.length > 0) {
    missing.push({
      item: 'oldPartReturn',
      message: `the old part's return is not recorded for ${undisposed.map((usage) => usage.part.$.partNumber).join(', ')}`,
    });
  }
  const open = lines.filter((line) =>
    new Big(line.issuedQuantity).minus(line.returnedQuantity).minus(line.fittedQuantity).gt(0),
  );
  if (open.length > 0) {
    missing.push({
      item: 'issuedParts',
      message: `issued parts are neither fitted nor returned: ${open.map((line) => line.part.$.partNumber).join(', ')}`,
    });
  }
  return missing;
}
