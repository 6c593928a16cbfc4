import Big from 'big.js';
import { Platform, Type, type EntityProperty } from '@mikro-orm/core';

/**
 * An exact decimal with a fixed scale, held as a string in JavaScript.
 *
 * PostgreSQL stores it as `numeric(precision, scale)`. SQLite has no exact decimal type, so the
 * value is stored there as an integer count of the smallest unit (cents for scale 2). Sums,
 * comparisons and ordering stay exact on both, and both return the same string.
 */
export class DecimalType extends Type<
  string | null | undefined,
  string | number | null | undefined
> {
  // SQLite integers are exact up to 2^53 of the smallest unit, so precision stays at 15 or less.
  constructor(
    readonly precision = 15,
    readonly scale = 2,
  ) {
    super();
  }

  override convertToDatabaseValue(value: string | null | undefined, platform: Platform) {
    if (value === null || value === undefined) return value;
    const normalized = normalizeDecimal(value, this.scale);
    if (isSqlite(platform)) {
      return Number(new Big(normalized).times(new Big(10).pow(this.scale)).toFixed(0));
    }
    return normalized;
  }

  override convertToJSValue(value: string | number | null | undefined, platform: Platform) {
    if (value === null || value === undefined) return value;
    if (isSqlite(platform)) {
      return new Big(value).div(new Big(10).pow(this.scale)).toFixed(this.scale);
    }
    return normalizeDecimal(String(value), this.scale);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, platform: Platform): string {
    return isSqlite(platform) ? 'integer' : `numeric(${this.precision},${this.scale})`;
  }

  override ensureComparable(): boolean {
    return false;
  }
}

/** Formats a decimal string with exactly `scale` digits after the point; throws on invalid input. */
export function normalizeDecimal(value: string, scale: number): string {
  return new Big(value).toFixed(scale, Big.roundHalfUp);
}

/** Converts a value read by raw SQL (a SUM, say) from storage units into a decimal string. */
export function decimalFromStorage(value: unknown, scale: number, sqlite: boolean): string {
  const amount = new Big(value === null || value === undefined ? 0 : String(value));
  return (sqlite ? amount.div(new Big(10).pow(scale)) : amount).toFixed(scale);
}

function isSqlite(platform: Platform): boolean {
  return /sqlite|libsql/i.test(platform.constructor.name);
}
