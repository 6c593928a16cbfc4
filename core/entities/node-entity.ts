import { randomUUID } from 'node:crypto';
import { DateTimeType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../api/global-id.js';
import { DateTimeScalar } from '../api/scalars.js';

/**
 * Base of every mutable record exposed as a GraphQL Node: a UUID key, creation and update times,
 * and a version for optimistic locking that the ORM checks and increments on every update.
 * GraphQL exposes the global ID, derived from the class name and the key, as `id`.
 */
// Subclasses inherit these fields. The base type itself is never returned, so the schema omits it.
@ObjectType('NodeEntity')
export abstract class NodeEntity {
  /** Properties the ORM or the database fills in, which `em.create` does not require. */
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version' | 'globalId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType, onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Field(() => DateTimeScalar)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Increases with every change.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID; pass it to node(id:).' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
