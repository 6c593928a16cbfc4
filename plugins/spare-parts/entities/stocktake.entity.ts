import {
  DateTimeType,
  Entity,
  Enum,
  ManyToOne,
  Property,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { StocktakeStatus } from './spare-parts.enums.js';
import { Warehouse } from './warehouse.entity.js';

/** A stocktake (盘点) of one warehouse: book quantities at opening, counts, and adjustments. */
@ObjectType('Stocktake', { implements: Node })
@Entity({ tableName: 'spare_parts_stocktake' })
@Tenancy({ internal: true })
export class Stocktake extends NodeEntity {
  @Field(() => String, { description: 'Unique number, such as "ST-20261204-552210".' })
  @Property({ type: 'string', length: 32, unique: true })
  number!: string;

  @ManyToOne(() => Warehouse, { ref: true, index: true })
  warehouse!: Ref<Warehouse>;

  @Field(() => StocktakeStatus)
  @Enum({ items: () => StocktakeStatus, type: 'string' })
  status: Opt<StocktakeStatus> = StocktakeStatus.OPEN;

  @Field(() => DateTimeScalar, { description: 'When the book quantities were taken.' })
  @Property({ type: DateTimeType })
  openedAt!: Date;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  openedBy!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  postedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  postedBy?: string | null;
}
