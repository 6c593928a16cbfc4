import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';

/** An exact amount in one currency. */
@ObjectType('Money', { description: 'An exact amount of money in one currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'The amount, such as "183.05".' })
  amount: string;

  @Field(() => String, { description: 'ISO 4217 currency code, such as "AUD".' })
  currency: string;

  constructor(amount: string, currency: string) {
    this.amount = amount;
    this.currency = currency;
  }
}
