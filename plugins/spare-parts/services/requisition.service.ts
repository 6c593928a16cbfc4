import Big from 'big.js';
import {
  flushChecked,
  requireRecord,
  requireRecordAtVersion,
  Staff,
  staleVersion,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../../repair/index.js';
import type {
  CreateRequisitionInput,
  RequisitionActionInput,
  RequisitionQuantitiesInput,
} from '../api/requisition.input.js';
import { Part } from '../entities/part.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { Requisition } from '../entities/requisition.entity.js';
import { RequisitionStatus as S, StockMovementKind } from '../entities/spare-parts.enums.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { sparePartsErrors } from '../errors.js';
import { formatQuantity, newRecordNumber, positiveQuantity } from './quantities.js';
import { lockRecordState } from './record-lock.js';
import { StockLocks } from './stock-ledger.service.js';
import { inStockTransaction } from './stock-transaction.js';

/** Requisition actions with the states they start from and the state they lead to. */
const TRANSITIONS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED },
  approve: { from: [S.SUBMITTED], to: S.APPROVED },
  reject: { from: [S.SUBMITTED], to: S.REJECTED },
  cancel: { from: [S.DRAFT, S.SUBMITTED, S.APPROVED, S.PARTIALLY_ISSUED], to: S.CANCELLED },
  confirm: { from: [S.APPROVED, S.PARTIALLY_ISSUED], to: null },
  issue: { from: [S.APPROVED, S.PARTIALLY_ISSUED], to: S.ISSUED },
  return: { from: [S.PARTIALLY_ISSUED, S.ISSUED, S.CANCELLED], to: null },
} as const;

type RequisitionAction = keyof typeof TRANSITIONS;

function checkTransition(number: string, status: S, action: RequisitionAction): void {
  const rule = TRANSITIONS[action];
  if (!(rule.from as readonly S[]).includes(status)) {
    throw sparePartsErrors.illegalState(
      'Requisition',
      number,
      status,
      rule.to ?? `${status} (${action})`,
      rule.from,
    );
  }
}

/**
 * Locks the requisition's row inside the stock transaction and checks that no other request
 * changed it after {@link beginAction} read it. The loser of a race, such as two issues or an
 * issue and a cancel of one requisition, gets the illegal-move CONFLICT naming the state the
 * winner left, or the stale-version CONFLICT when that state still allows `action`.
 */
async function recheckUnderLock(
  scope: RequestScope,
  requisition: Requisition,
  action: RequisitionAction,
): Promise<void> {
  const current = await lockRecordState(scope, Requisition, requisition.id);
  if (current.version === requisition.version) return;
  checkTransition(requisition.number, current.status as S, action);
  throw staleVersion('Requisition', requisition.globalId, requisition.version, current.version);
}

/** Loads a requisition at the version the client read and checks that `action` may run. */
async function beginAction(
  scope: RequestScope,
  input: { id: string; version: number },
  action: RequisitionAction,
): Promise<{ requisition: Requisition; lines: RequisitionLine[] }> {
  const requisition = await requireRecordAtVersion(scope, Requisition, input);
  checkTransition(requisition.number, requisition.status, action);
  const lines = await scope.em.find(
    RequisitionLine,
    { requisition: requisition.id },
    { populate: ['part', 'warehouse'], orderBy: { lineNumber: 'ASC' } },
  );
  return { requisition, lines };
}

/** Opens a requisition in state DRAFT. */
export async function createRequisition(
  scope: RequestScope,
  input: CreateRequisitionInput,
): Promise<Requisition> {
  const technician = await requireRecord(scope, Staff, input.technicianId, 'input.technicianId');
  const repairOrder = input.repairOrderId
    ? await requireRecord(scope, RepairOrder, input.repairOrderId, 'input.repairOrderId')
    : null;
  const requisition = scope.em.create(Requisition, {
    number: newRecordNumber('RQ'),
    technician,
    repairOrder,
    note: input.note ?? null,
    requestedBy: scope.principal.name,
  });
  for (const [index, line] of input.lines.entries()) {
    const field = `input.lines.${index}`;
    const quantity = positiveQuantity(`${field}.quantity`, line.quantity);
    scope.em.create(RequisitionLine, {
      requisition,
      lineNumber: index + 1,
      part: await requireRecord(scope, Part, line.partId, `${field}.partId`),
      warehouse: await requireRecord(scope, Warehouse, line.warehouseId, `${field}.warehouseId`),
      quantity: formatQuantity(quantity),
    });
  }
  await flushChecked(scope, []);
  return requisition;
}

/** Hands a draft requisition to the service manager for approval. */
export async function submitRequisition(scope: RequestScope, input: RequisitionActionInput) {
  const { requisition } = await beginAction(scope, input, 'submit');
  requisition.status = S.SUBMITTED;
  requisition.submittedAt = new Date();
  await flushChecked(scope, []);
  return requisition;
}

/**
 * Approves a submitted requisition and reserves its quantities. Fails with the insufficient-stock
 * error, reserving nothing, when any line's quantity is not available.
 */
export async function approveRequisition(scope: RequestScope, input: RequisitionActionInput) {
  const { requisition, lines } = await beginAction(scope, input, 'approve');
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, requisition, 'approve');
    const locks = new StockLocks(scope);
    await locks.lock(
      lines.map((line) => ({ part: line.part.getEntity(), warehouse: line.warehouse.getEntity() })),
    );
    for (const line of lines) {
      locks.reserve(
        locks.get(line.part.getEntity(), line.warehouse.getEntity()),
        new Big(line.quantity),
      );
    }
    requisition.status = S.APPROVED;
    requisition.decidedAt = new Date();
    requisition.decidedBy = scope.principal.name;
    await locks.finish(requisition);
    return requisition;
  });
}

/** Rejects a submitted requisition with a reason. */
export async function rejectRequisition(
  scope: RequestScope,
  input: RequisitionActionInput & { reason: string },
) {
  const { requisition } = await beginAction(scope, input, 'reject');
  requisition.status = S.REJECTED;
  requisition.decidedAt = new Date();
  requisition.decidedBy = scope.principal.name;
  requisition.rejectionReason = input.reason;
  await flushChecked(scope, []);
  return requisition;
}

/** Cancels a requisition and releases what it still reserves. Issued parts stay issued. */
export async function cancelRequisition(
  scope: RequestScope,
  input: RequisitionActionInput & { reason: string },
) {
  const { requisition, lines } = await beginAction(scope, input, 'cancel');
  const reserving = [S.APPROVED, S.PARTIALLY_ISSUED].includes(requisition.status);
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, requisition, 'cancel');
    requisition.status = S.CANCELLED;
    requisition.cancellationReason = input.reason;
    if (reserving) {
      const locks = new StockLocks(scope);
      await locks.lock(
        lines.map((line) => ({
          part: line.part.getEntity(),
          warehouse: line.warehouse.getEntity(),
        })),
      );
      for (const line of lines) {
        const outstanding = new Big(line.quantity).minus(line.issuedQuantity);
        locks.reserve(
          locks.get(line.part.getEntity(), line.warehouse.getEntity()),
          outstanding.neg(),
        );
      }
      await locks.finish(requisition);
    }
    return requisition;
  });
}

/** Records the parts custodian's confirmation for the valuable lines of a requisition. */
export async function confirmRequisitionIssue(scope: RequestScope, input: RequisitionActionInput) {
  const { requisition, lines } = await beginAction(scope, input, 'confirm');
  const now = new Date();
  for (const line of lines) {
    if (!line.part.getEntity().valuable || line.custodianConfirmedAt) continue;
    line.custodianConfirmedAt = now;
    line.custodianConfirmedBy = scope.principal.name;
  }
  // The confirmation changes the requisition, so a client holding the old version learns of it.
  requisition.updatedAt = now;
  await flushChecked(scope, []);
  return requisition;
}

/**
 * Picks the lines and quantities of an issue or return. Without `lines`, every line with a
 * remaining quantity takes all of it.
 */
function selectQuantities(
  requisition: Requisition,
  lines: RequisitionLine[],
  requested: RequisitionQuantitiesInput['lines'],
  remainingOf: (line: RequisitionLine) => Big,
  what: string,
): { line: RequisitionLine; quantity: Big }[] {
  if (!requested || requested.length === 0) {
    return lines
      .map((line) => ({ line, quantity: remainingOf(line) }))
      .filter((entry) => entry.quantity.gt(0));
  }
  const seen = new Set<string>();
  return requested.map((entry, index) => {
    const field = `input.lines.${index}`;
    const line = lines.find((candidate) => candidate.globalId === entry.lineId);
    if (!line)
      throw sparePartsErrors.lineNotOnRecord(`${field}.lineId`, 'requisition', requisition.number);
    if (seen.has(line.id)) throw sparePartsErrors.duplicateLine(`${field}.lineId`);
    seen.add(line.id);
    const quantity = positiveQuantity(`${field}.quantity`, entry.quantity);
    const remaining = remainingOf(line);
    if (quantity.gt(remaining)) {
      throw sparePartsErrors.quantityExceeds(
        `${field}.quantity`,
        formatQuantity(quantity),
        formatQuantity(remaining),
        what,
      );
    }
    return { line, quantity };
  });
}

/**
 * Issues approved quantities, in full or in part: each issued line gets an ISSUE movement and
 * releases its reservation. A valuable part needs the custodian's confirmation first.
 */
export async function issueRequisition(scope: RequestScope, input: RequisitionQuantitiesInput) {
  const { requisition, lines } = await beginAction(scope, input, 'issue');
  const picks = selectQuantities(
    requisition,
    lines,
    input.lines,
    (line) => new Big(line.quantity).minus(line.issuedQuantity),
    'the quantity still to issue,',
  );
  for (const { line } of picks) {
    if (line.part.getEntity().valuable && !line.custodianConfirmedAt)
      throw sparePartsErrors.custodianConfirmationMissing(
        line.part.getEntity().partNumber,
        requisition.number,
      );
  }
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, requisition, 'issue');
    const locks = new StockLocks(scope);
    await locks.lock(
      picks.map(({ line }) => ({
        part: line.part.getEntity(),
        warehouse: line.warehouse.getEntity(),
      })),
    );
    for (const { line, quantity } of picks) {
      const row = locks.get(line.part.getEntity(), line.warehouse.getEntity());
      locks.reserve(row, quantity.neg());
      locks.move(row, {
        kind: StockMovementKind.ISSUE,
        quantity: quantity.neg(),
        unitCost: line.part.getEntity().unitCost ?? null,
        note: input.note ?? null,
        cause: { requisitionLine: line },
      });
      line.issuedQuantity = formatQuantity(quantity.plus(line.issuedQuantity));
    }
    const complete = lines.every((line) => new Big(line.issuedQuantity).gte(line.quantity));
    requisition.status = complete ? S.ISSUED : S.PARTIALLY_ISSUED;
    requisition.updatedAt = new Date();
    await locks.finish(requisition);
    return requisition;
  });
}

/** Books unused issued parts back into their warehouse with RETURN movements. */
export async function returnRequisitionParts(
  scope: RequestScope,
  input: RequisitionQuantitiesInput,
) {
  const { requisition, lines } = await beginAction(scope, input, 'return');
  const picks = selectQuantities(
    requisition,
    lines,
    input.lines,
    (line) => new Big(line.issuedQuantity).minus(line.returnedQuantity).minus(line.fittedQuantity),
    'the issued quantity neither returned nor fitted,',
  );
  return inStockTransaction(scope, async () => {
    await recheckUnderLock(scope, requisition, 'return');
    const locks = new StockLocks(scope);
    await locks.lock(
      picks.map(({ line }) => ({
        part: line.part.getEntity(),
        warehouse: line.warehouse.getEntity(),
      })),
    );
    for (const { line, quantity } of picks) {
      locks.move(locks.get(line.part.getEntity(), line.warehouse.getEntity()), {
        kind: StockMovementKind.RETURN,
        quantity,
        unitCost: line.part.getEntity().unitCost ?? null,
        note: input.note ?? null,
        cause: { requisitionLine: line },
      });
      line.returnedQuantity = formatQuantity(quantity.plus(line.returnedQuantity));
    }
    requisition.updatedAt = new Date();
    await locks.finish(requisition);
    return requisition;
  });
}
