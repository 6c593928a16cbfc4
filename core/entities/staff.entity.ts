import { BeforeCreate, BeforeUpdate, Entity, Enum, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { HiddenFromCustomers } from '../security/access.js';
import { Tenancy } from '../security/tenancy.js';
import { LocalDateScalar } from '../api/scalars.js';
import { Department, StaffRole } from './enums.js';
import { NodeEntity } from './node-entity.js';

/** A certificate a staff member holds, such as a well-control ticket. */
@ObjectType('StaffCertificate')
export class StaffCertificate {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  number?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil?: string | null;
}

/** An employee of the service organisation: a technician, a dispatcher, a manager. */
@ObjectType('Staff', { implements: Node })
@Entity({ tableName: 'staff' })
@Tenancy({ internal: true })
export class Staff extends NodeEntity {
  @Field(() => String, { description: 'Unique employee number, such as "E1042".' })
  @Property({ type: 'string', length: 32, unique: true })
  employeeNumber!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Department)
  @Enum({ items: () => Department, type: 'string' })
  department!: Department;

  @Field(() => [StaffRole])
  @Property({ type: 'json' })
  roles: Opt<StaffRole[]> = [];

  /** The roles as ",DISPATCHER,TECHNICIAN,", kept in step with `roles` so both databases can filter by role. */
  @Property({ type: 'string', length: 300 })
  roleCodes: Opt<string> = ',';

  @Field(() => [String])
  @Property({ type: 'json' })
  skills: Opt<string[]> = [];

  @Field(() => [StaffCertificate])
  @Property({ type: 'json' })
  certificates: Opt<StaffCertificate[]> = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  baseRegion?: string | null;

  @Field(() => String, { nullable: true })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 200, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @HiddenFromCustomers()
  @Property({ type: 'string', length: 50, nullable: true })
  phone?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @BeforeCreate()
  @BeforeUpdate()
  syncRoleCodes(): void {
    this.roleCodes = `,${[...this.roles].sort().join(',')},`;
  }
}
