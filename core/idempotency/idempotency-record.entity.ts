import { randomUUID } from 'node:crypto';
import { DateTimeType, Entity, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { Tenancy } from '../security/tenancy.js';

/**
 * The outcome of a create mutation sent with an idempotency key: which record it created, and a
 * hash of the input, so a retry returns that record and a reused key with other input is refused.
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ properties: ['principalId', 'key'] })
@Tenancy({ adminOnly: true })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  principalId!: string;

  @Property({ type: 'string', length: 200 })
  key!: string;

  /** The mutation, such as "createRepairOrder". */
  @Property({ type: 'string', length: 100 })
  operation!: string;

  /** SHA-256 of the input without the key, in a canonical JSON form. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 100 })
  resultEntity!: string;

  @Property({ type: 'uuid' })
  resultId!: string;

  @Property({ type: DateTimeType })
  createdAt: Opt<Date> = new Date();
}
