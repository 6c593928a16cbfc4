import { DateTimeType, Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';
import { quantityType } from './spare-parts.decimals.js';
import { Stocktake } from './stocktake.entity.js';

/**
 * One part of a stocktake: the book quantity at opening, the count with the book quantity at the
 * moment it was recorded, and the reason for a difference.
 */
@ObjectType('StocktakeLine', { implements: Node })
@Entity({ tableName: 'spare_parts_stocktake_line' })
@Tenancy({ internal: true })
@Unique({ properties: ['stocktake', 'part'] })
export class StocktakeLine extends NodeEntity {
  @ManyToOne(() => Stocktake, { ref: true })
  stocktake!: Ref<Stocktake>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => DecimalScalar, {
    description: 'On-hand quantity in the books when the stocktake opened.',
  })
  @Property({ type: quantityType() })
  bookQuantity!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Counted quantity; null until counted.',
  })
  @Property({ type: quantityType(), nullable: true })
  countedQuantity?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'On-hand quantity in the books when the count was recorded; null until counted. The count is compared with it.',
  })
  @Property({ type: quantityType(), nullable: true })
  countedBookQuantity?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the count differs from the book (盘盈 surplus or 盘亏 loss).',
  })
  @Property({ type: 'text', nullable: true })
  discrepancyReason?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  countedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  countedBy?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Quantity of the ADJUSTMENT movement posted for this line; null until posted.',
  })
  @Property({ type: quantityType(), nullable: true })
  adjustmentQuantity?: string | null;
}
