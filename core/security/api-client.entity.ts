import { DateTimeType, Entity, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { DateTimeScalar } from '../api/scalars.js';
import { Customer } from '../entities/customer.entity.js';
import { StaffRole } from '../entities/enums.js';
import { NodeEntity } from '../entities/node-entity.js';
import { ApiScope } from './principal.js';
import { Tenancy } from './tenancy.js';

/**
 * A named API key. Only the SHA-256 hash of the key is stored; the key itself is shown once when
 * it is created. A client bound to a customer (a partner ERP) sees that customer's records only.
 */
@ObjectType('ApiClient', { implements: Node })
@Entity({ tableName: 'api_client' })
@Tenancy({ adminOnly: true })
export class ApiClient extends NodeEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'First characters of the key, to recognise it in lists.' })
  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Field(() => [StaffRole], {
    description: 'Roles of a company-wide client; empty for customer clients.',
  })
  @Property({ type: 'json' })
  roles: Opt<StaffRole[]> = [];

  @Field(() => [ApiScope])
  @Property({ type: 'json' })
  scopes: Opt<ApiScope[]> = [];

  @ManyToOne(() => Customer, { ref: true, nullable: true, index: true })
  customer?: Ref<Customer> | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set once the key is revoked; it then stops working.',
  })
  @Property({ type: DateTimeType, nullable: true })
  revokedAt?: Date | null;

  @Field(() => String, { description: 'Who created the client.' })
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}
