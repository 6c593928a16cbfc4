import { GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** UTC instant in ISO 8601, such as `2026-12-04T16:07:09.000Z`. */
export const DateTimeScalar = DateTimeResolver;

/** Calendar date without time zone, `YYYY-MM-DD`. */
export const LocalDateScalar = LocalDateResolver;

const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && value !== value.trim()) {
    throw new TypeError(
      `Decimal cannot represent ${JSON.stringify(value)}: remove the spaces around the number`,
    );
  }
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new TypeError(
      `Decimal cannot represent ${JSON.stringify(value)}: send a string such as "1234.50" (a number would lose precision)`,
    );
  }
  return value;
}

/** Exact decimal number carried as a string, so money and quantities never pass through a float. */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a string, such as "1234.50". Money and quantities use it so that no value passes through a binary float.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new TypeError('Decimal literals must be strings such as "1234.50"');
    }
    return parseDecimal(ast.value);
  },
});
