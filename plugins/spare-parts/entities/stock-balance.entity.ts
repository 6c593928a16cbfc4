import {
  Entity,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import Big from 'big.js';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';
import { quantityType } from './spare-parts.decimals.js';
import { Warehouse } from './warehouse.entity.js';

/**
 * Running totals of one part in one warehouse, kept in step with the ledger in the transaction
 * that writes each movement. Stock changes lock this row first (SELECT … FOR UPDATE on
 * PostgreSQL; SQLite runs one writing transaction at a time), so concurrent requests see each
 * other's reservations and available stock cannot go below zero.
 */
@ObjectType('StockLevel', { description: 'Stock of one part in one warehouse.' })
@Entity({ tableName: 'spare_parts_stock_balance' })
@Tenancy({ internal: true })
@Unique({ properties: ['part', 'warehouse'] })
export class StockBalance {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @ManyToOne(() => Warehouse, { ref: true, index: true })
  warehouse!: Ref<Warehouse>;

  @Field(() => DecimalScalar, {
    description: 'Sum of the quantities of all movements of the part in the warehouse.',
  })
  @Property({ type: quantityType() })
  onHand!: string;

  @Field(() => DecimalScalar, { description: 'Approved requisition quantities not yet issued.' })
  @Property({ type: quantityType() })
  reserved!: string;

  @Field(() => DecimalScalar, { description: 'On hand minus reserved; never below zero.' })
  get available(): Opt<string> {
    return new Big(this.onHand).minus(this.reserved).toFixed(3);
  }
}
