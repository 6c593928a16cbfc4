import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node interface: every record with a global ID resolvable through `node(id:)`. */
@InterfaceType('Node', {
  description: 'A record with a global ID that `node(id:)` resolves.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  // Entities keep their database key in `id`; GraphQL's `id` reads the derived global ID.
  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global ID, stable for the life of the record.',
  })
  globalId!: string;
}
