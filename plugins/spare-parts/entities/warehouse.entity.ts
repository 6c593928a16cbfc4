import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node, NodeEntity, Site, Tenancy } from '../../../core/index.js';

/** A place where spare parts are stocked, such as a central store or a base's parts room. */
@ObjectType('Warehouse', { implements: Node })
@Entity({ tableName: 'spare_parts_warehouse' })
@Tenancy({ internal: true })
export class Warehouse extends NodeEntity {
  @Field(() => String, { description: 'Unique warehouse code, such as "WH-KRM".' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The site where the warehouse is located, if any. */
  @ManyToOne(() => Site, { ref: true, nullable: true })
  site?: Ref<Site> | null;
}
