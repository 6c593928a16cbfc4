import { DateTimeType, Entity, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';
import { Requisition } from './requisition.entity.js';
import { quantityType } from './spare-parts.decimals.js';
import { Warehouse } from './warehouse.entity.js';

/** One part and quantity on a requisition, with how much of it was issued and returned. */
@ObjectType('RequisitionLine', { implements: Node })
@Entity({ tableName: 'spare_parts_requisition_line' })
@Tenancy({ internal: true })
export class RequisitionLine extends NodeEntity {
  @ManyToOne(() => Requisition, { ref: true, index: true })
  requisition!: Ref<Requisition>;

  @Field(() => Int, { description: 'Position on the requisition, from 1.' })
  @Property({ type: 'integer' })
  lineNumber!: number;

  @ManyToOne(() => Part, { ref: true, index: true })
  part!: Ref<Part>;

  @ManyToOne(() => Warehouse, { ref: true })
  warehouse!: Ref<Warehouse>;

  @Field(() => DecimalScalar, { description: 'Quantity requested and, once approved, reserved.' })
  @Property({ type: quantityType() })
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Quantity issued so far.' })
  @Property({ type: quantityType(), default: 0 })
  issuedQuantity: Opt<string> = '0.000';

  @Field(() => DecimalScalar, { description: 'Issued quantity brought back unused.' })
  @Property({ type: quantityType(), default: 0 })
  returnedQuantity: Opt<string> = '0.000';

  @Field(() => DecimalScalar, { description: 'Issued quantity fitted on the repair order.' })
  @Property({ type: quantityType(), default: 0 })
  fittedQuantity: Opt<string> = '0.000';

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the parts custodian confirmed the issue of a valuable part.',
  })
  @Property({ type: DateTimeType, nullable: true })
  custodianConfirmedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  custodianConfirmedBy?: string | null;
}
