import { randomUUID } from 'node:crypto';
import { DateTimeType, Entity, Enum, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../api/scalars.js';
import { Tenancy } from '../security/tenancy.js';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** One changed field of an audited record, with its values before and after as JSON. */
@ObjectType('AuditFieldChange')
export class AuditFieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, {
    nullable: true,
    description: 'JSON value before the change; null for a new record.',
  })
  oldValue!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'JSON value after the change; null for a deleted record.',
  })
  newValue!: string | null;
}

/**
 * An append-only record of one change: who made it, when, to which record, and what changed. It
 * is written in the same transaction as the change itself, so neither exists without the other.
 */
@ObjectType('AuditEntry')
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityName', 'entityId'] })
@Tenancy({ adminOnly: true })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => DateTimeScalar)
  @Index()
  @Property({ type: DateTimeType })
  at: Opt<Date> = new Date();

  @Field(() => String, {
    description: 'Principal id, such as "api-client:<uuid>" or "staff:<subject>".',
  })
  @Property({ type: 'string', length: 200 })
  principalId!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  principalName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string | null;

  @Field(() => String, { description: 'Entity type, such as "Equipment".' })
  @Property({ type: 'string', length: 100 })
  entityName!: string;

  @Field(() => String, { description: 'Global ID of the changed record.' })
  @Property({ type: 'string', length: 200 })
  entityId!: string;

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction, type: 'string' })
  action!: AuditAction;

  @Field(() => [AuditFieldChange])
  @Property({ type: 'json' })
  changes: Opt<AuditFieldChange[]> = [];
}
