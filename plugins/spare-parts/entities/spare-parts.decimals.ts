import { DecimalType } from '../../../core/index.js';

/**
 * Column types of the plugin's decimals. Quantities keep three decimal places (litres,
 * kilograms and metres of hose are counted in fractions); money keeps two, as the core does.
 * Both stay within the precision of 15 that SQLite stores exactly.
 */
export const QUANTITY_SCALE = 3;
export const MONEY_SCALE = 2;

/** Column type of a quantity: `numeric(15,3)` on PostgreSQL, thousandths on SQLite. */
export const quantityType = () => new DecimalType(15, QUANTITY_SCALE);

/** Column type of an amount of money: `numeric(14,2)` on PostgreSQL, cents on SQLite. */
export const moneyType = () => new DecimalType(14, MONEY_SCALE);
