import Big from 'big.js';
import { QUANTITY_SCALE } from '../entities/spare-parts.decimals.js';
import { sparePartsErrors } from '../errors.js';

/** Parses a quantity a client sent: greater than 0 with at most three decimal places. */
export function positiveQuantity(field: string, value: string): Big {
  const [, fraction = ''] = value.split('.');
  if (fraction.length > QUANTITY_SCALE)
    throw sparePartsErrors.tooManyDecimals(field, value, QUANTITY_SCALE);
  const quantity = new Big(value);
  if (quantity.lte(0)) throw sparePartsErrors.notPositive(field, value);
  return quantity;
}

/** Formats a quantity as stored, with three decimal places. */
export function formatQuantity(value: Big): string {
  return value.toFixed(QUANTITY_SCALE);
}

/** Builds a record number such as "RQ-20261204-482913" from a prefix and the current day. */
export function newRecordNumber(prefix: string, at = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `${prefix}-${day}-${suffix}`;
}
