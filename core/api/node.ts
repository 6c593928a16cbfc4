import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node interface: every record with a global ID resolvable through `node(id:)`. */
@InterfaceType('Node', {
  description: 'A record with a global ID that `node(id:)` resolves.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID, stable for the life of the record.' })
  id!: string;
}
