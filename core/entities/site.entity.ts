import { Entity, Enum, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { Tenancy } from '../security/tenancy.js';
import { Customer } from './customer.entity.js';
import { SiteKind } from './enums.js';
import { NodeEntity } from './node-entity.js';

/** A place where a customer's equipment is installed: a well site, a rig, a base, a yard, a plant. */
@ObjectType('Site', { implements: Node })
@Entity({ tableName: 'site' })
@Tenancy({ owner: 'customer' })
export class Site extends NodeEntity {
  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => SiteKind)
  @Enum({ items: () => SiteKind, type: 'string' })
  kind!: SiteKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  region?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude in degrees.' })
  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude in degrees.' })
  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  @Field(() => String, { description: 'IANA time zone, such as "Asia/Shanghai".' })
  @Property({ type: 'string', length: 64 })
  timeZone: Opt<string> = 'UTC';
}
