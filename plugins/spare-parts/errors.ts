import Big from 'big.js';
import { badUserInput, conflict, invalidInputs } from '../../core/index.js';

/** Errors of the spare-parts plugin, each naming the value and the fix. */
export const sparePartsErrors = {
  /** Available stock does not cover a request. Clients read the numbers from `extensions`. */
  insufficientStock: (
    partNumber: string,
    warehouseCode: string,
    requested: string,
    available: string,
  ) =>
    conflict(
      new Big(available).gt(0)
        ? `Insufficient stock of part ${partNumber} in warehouse ${warehouseCode}: requested ${requested}, available ${available}. Request at most ${available}, or wait for a receipt or transfer`
        : `Insufficient stock of part ${partNumber} in warehouse ${warehouseCode}: requested ${requested}, but none is available. Wait for a receipt or transfer`,
      {
        reason: 'SPARE_PARTS_INSUFFICIENT_STOCK',
        partNumber,
        warehouseCode,
        requested,
        available,
      },
    ),
  illegalState: (
    type: string,
    number: string,
    current: string,
    requested: string,
    allowedFrom: readonly string[],
  ) =>
    conflict(
      `${type} ${number} is ${current} and cannot become ${requested}: that move starts from ${allowedFrom.join(' or ')}`,
      { currentStatus: current, requestedStatus: requested, allowedFrom },
    ),
  notPositive: (field: string, value: string) =>
    badUserInput(field, `${field} "${value}" is invalid: send a quantity greater than 0`),
  tooManyDecimals: (field: string, value: string, scale: number) =>
    badUserInput(
      field,
      `${field} "${value}" has more than ${scale} decimal places: round it to ${scale}`,
    ),
  sameWarehouse: () =>
    badUserInput(
      'input.toWarehouseId',
      'input.toWarehouseId is the same as input.fromWarehouseId: a transfer needs two warehouses',
    ),
  supplierNotQualified: (code: string) =>
    badUserInput(
      'input.supplierId',
      `Supplier ${code} is not qualified: qualify it with qualifySupplier before ordering from it`,
    ),
  overReceipt: (
    field: string,
    partNumber: string,
    ordered: string,
    received: string,
    sent: string,
  ) =>
    badUserInput(
      field,
      `Receiving ${sent} of part ${partNumber} exceeds the order line: ordered ${ordered}, already received ${received}. Receive at most the outstanding quantity`,
      { ordered, received },
    ),
  missingCertificate: (field: string) =>
    badUserInput(
      field,
      `${field} is missing: every received line needs the number of its quality certificate`,
    ),
  missingReason: (field: string) =>
    badUserInput(field, `${field} is missing: say why, in a few words`),
  lineNotOnRecord: (field: string, type: string, number: string) =>
    badUserInput(field, `${field} is not a line of ${type} ${number}: send a line of that record`),
  duplicateLine: (field: string) =>
    badUserInput(field, `${field} appears more than once: send each line once`),
  quantityExceeds: (field: string, sent: string, limit: string, what: string) =>
    badUserInput(field, `${field} ${sent} exceeds ${what} ${limit}: send at most ${limit}`, {
      limit,
    }),
  custodianConfirmationMissing: (partNumber: string, requisition: string) =>
    conflict(
      `Part ${partNumber} on requisition ${requisition} is valuable and needs the parts custodian's confirmation before it is issued: call confirmRequisitionIssue first`,
      { reason: 'SPARE_PARTS_CUSTODIAN_CONFIRMATION_REQUIRED', partNumber },
    ),
  requisitionNotForOrder: (requisition: string, orderNumber: string) =>
    badUserInput(
      'input.requisitionLineId',
      `Requisition ${requisition} was not raised for repair order ${orderNumber}: fit parts issued for this order`,
    ),
  repairOrderNotFitting: (orderNumber: string, status: string) =>
    conflict(
      `Repair order ${orderNumber} is ${status}: parts are recorded from PLAN_APPROVED until ACCEPTED`,
      { currentStatus: status },
    ),
  stocktakeIncomplete: (problems: { field: string; message: string }[]) => invalidInputs(problems),
  stocktakeBelowReserved: (
    partNumber: string,
    warehouseCode: string,
    count: string,
    onHand: string,
    reserved: string,
  ) =>
    conflict(
      `Part ${partNumber} in warehouse ${warehouseCode} was counted at ${count}, which would leave on hand ${onHand}, below the ${reserved} reserved for approved requisitions: cancel or reduce those requisitions, then post again`,
      {
        reason: 'SPARE_PARTS_COUNT_BELOW_RESERVED',
        partNumber,
        warehouseCode,
        count,
        onHand,
        reserved,
      },
    ),
};
