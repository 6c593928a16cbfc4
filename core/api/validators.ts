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

/** Accepts a decimal string that is zero or more, with at most `scale` digits after the point. */
export function IsNonNegativeDecimal(scale: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isNonNegativeDecimal',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const [, fraction = ''] = value.split('.');
          return fraction.length <= scale && new Big(value).gte(0);
        },
        defaultMessage: () =>
          `must be zero or more with at most ${scale} decimal places, such as "1250.${'0'.repeat(scale)}"`,
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
