import { registerEnumType } from 'type-graphql';

/** ABC class of a part (ABC分类法): A for the few parts that carry most of the consumption. */
export enum AbcClass {
  A = 'A',
  B = 'B',
  C = 'C',
}

/** Measure of consumption that an ABC classification ranks the parts by. */
export enum AbcBasis {
  VALUE = 'VALUE',
  QUANTITY = 'QUANTITY',
  FREQUENCY = 'FREQUENCY',
}

registerEnumType(AbcClass, {
  name: 'AbcClass',
  description: 'ABC class of a part (ABC分类法).',
  valuesConfig: {
    A: { description: 'Cumulative share up to the A threshold (80 % by default).' },
    B: { description: 'Cumulative share up to the B threshold (95 % by default).' },
    C: { description: 'The rest, and every part with no consumption in the window.' },
  },
});

registerEnumType(AbcBasis, {
  name: 'AbcBasis',
  description: 'Measure of consumption that an ABC classification ranks the parts by.',
  valuesConfig: {
    VALUE: {
      description:
        'Consumption value: net issued quantity times the part unit cost. A part without a unit ' +
        'cost has value 0.',
    },
    QUANTITY: { description: 'Net issued quantity: issues minus returns.' },
    FREQUENCY: { description: 'Number of calendar months (UTC) with at least one issue.' },
  },
});
