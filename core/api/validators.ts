import Big from 'big.js';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));

/** Accepts an IANA time zone name, such as "Asia/Shanghai". */
export function IsTimeZone(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && TIME_ZONES.has(value),
        defaultMessage: () =>
          'must be an IANA time zone such as "Asia/Shanghai" or "America/Houston"',
      },
    },
    options,
  );
}

/**
 * Accepts a decimal string that is zero or more and fits a `numeric(precision, scale)` column: at
 * most `scale` digits after the point and `precision - scale` before it.
 */
export function IsNonNegativeDecimal(
  precision: number,
  scale: number,
  options?: ValidationOptions,
) {
  const limit = new Big(10).pow(precision - scale);
  return ValidateBy(
    {
      name: 'isNonNegativeDecimal',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const [, fraction = ''] = value.split('.');
          const amount = new Big(value);
          return fraction.length <= scale && amount.gte(0) && amount.lt(limit);
        },
        defaultMessage: () =>
          `must be zero or more, below ${limit.toFixed(0)}, with at most ${scale} decimal places, such as "1250.${'0'.repeat(scale)}"`,
      },
    },
    options,
  );
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Accepts an ISO 4217 currency code that the runtime supports, such as "AUD" or "CNY". */
export function IsCurrencyCode(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCurrencyCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && CURRENCIES.has(value),
        defaultMessage: () =>
          'must be an ISO 4217 currency code in capitals, such as "AUD", "CNY" or "USD"',
      },
    },
    options,
  );
}

/** Serial numbers: 1 to 40 uppercase letters, digits and inner hyphens. */
export const SERIAL_NUMBER = /^[A-Z0-9](?:[A-Z0-9-]{0,38}[A-Z0-9])?$/;
export const SERIAL_NUMBER_MESSAGE =
  'must be 1 to 40 uppercase letters, digits or hyphens, starting and ending with a letter or digit, such as "MP-2024-0117"';

/** Business codes of customers and employee numbers: uppercase letters, digits, hyphens. */
export const BUSINESS_CODE = /^[A-Z0-9](?:[A-Z0-9-]{0,30}[A-Z0-9])?$/;
export const BUSINESS_CODE_MESSAGE =
  'must be 1 to 32 uppercase letters, digits or hyphens, starting and ending with a letter or digit, such as "PETRO-NW"';

/** Idempotency keys: 8 to 200 printable characters, such as a UUID or "erp-order-4711". */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;
export const IDEMPOTENCY_KEY_MESSAGE =
  'must be 8 to 200 letters, digits or . _ : -, unique per request, such as a UUID';

/** Rejects text that is empty once white space and invisible characters are removed. */
export function IsNotBlank(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || /[^\s\u200B-\u200D\u2060\uFEFF]/.test(value),
        defaultMessage: () => 'must contain visible text, not only spaces',
      },
    },
    options,
  );
}
