import { Entity, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar, Node, NodeEntity, Tenancy } from '../../../core/index.js';

/** A company that sells spare parts. Purchase orders go to qualified suppliers (合格供应商) only. */
@ObjectType('Supplier', { implements: Node })
@Entity({ tableName: 'spare_parts_supplier' })
@Tenancy({ internal: true })
export class Supplier extends NodeEntity {
  @Field(() => String, { description: 'Unique supplier code, such as "SUP-0042".' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Boolean, { description: 'Whether purchase orders may be placed with the supplier.' })
  @Property({ type: 'boolean', default: false })
  qualified: Opt<boolean> = false;

  @Field(() => String, {
    nullable: true,
    description: 'Basis of the qualification decision, such as an audit report number.',
  })
  @Property({ type: 'text', nullable: true })
  qualificationNote?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Day the supplier was qualified or disqualified.',
  })
  @Property({ type: 'date', nullable: true })
  qualifiedOn?: string | null;
}
