import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { Tenancy } from '../security/tenancy.js';
import { CustomerKind } from './enums.js';
import { NodeEntity } from './node-entity.js';

/** A person to call at a customer. */
@ObjectType('CustomerContact')
export class CustomerContact {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Job title or responsibility.' })
  role?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

/** A company that owns or operates equipment the service organisation looks after. */
@ObjectType('Customer', { implements: Node })
@Entity({ tableName: 'customer' })
@Tenancy({ owner: 'id' })
export class Customer extends NodeEntity {
  @Field(() => String, { description: 'Unique business code, such as "PETRO-NW".' })
  @Property({ type: 'string', length: 32, unique: true })
  code!: string;

  @Field(() => String)
  @Index()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => CustomerKind)
  @Enum({ items: () => CustomerKind, type: 'string' })
  kind!: CustomerKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => [CustomerContact])
  @Property({ type: 'json' })
  contacts: Opt<CustomerContact[]> = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Boolean, {
    description:
      'True when the record was made up for demo or imported data and names no real company.',
  })
  @Property({ type: 'boolean' })
  isSynthetic: Opt<boolean> = false;
}
