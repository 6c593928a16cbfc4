import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionArgs, connectionType } from '../api/connection.js';
import { loadReference } from '../api/entity-loader.js';
import { findPage } from '../api/pagination.js';
import { Customer } from '../entities/customer.entity.js';
import type { RequestScope } from '../request-scope.js';
import { flushChecked, requireRecord } from '../services/records.js';
import { Access } from './access.js';
import { ApiClient } from './api-client.entity.js';
import { forgetCachedApiKeys } from './authenticator.js';

const ApiClientConnection = connectionType('ApiClient', ApiClient);

@InputType('RevokeApiClientInput')
class RevokeApiClientInput {
  @Field(() => ID)
  id!: string;
}

@ObjectType('ApiClientPayload')
class ApiClientPayload {
  @Field(() => ApiClient)
  apiClient!: ApiClient;
}

/** Lists and revokes API clients. Keys are created with `npm run api-key:create`, which prints them once. */
@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Access({ roles: [] })
  @Query(() => ApiClientConnection, { description: 'API clients, by name. Admins only.' })
  apiClients(@Ctx() scope: RequestScope, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return findPage(scope, ApiClient, {}, { property: 'name', direction: 'ASC' }, page);
  }

  @Access({ roles: [] })
  @Mutation(() => ApiClientPayload, {
    description: 'Revokes an API key; requests with it fail from then on.',
  })
  async revokeApiClient(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RevokeApiClientInput) input: RevokeApiClientInput,
  ): Promise<ApiClientPayload> {
    const client = await requireRecord(scope, ApiClient, input.id, 'input.id');
    client.revokedAt ??= new Date();
    await flushChecked(scope, []);
    forgetCachedApiKeys();
    return { apiClient: client };
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'The customer a partner key is bound to.',
  })
  customer(@Ctx() scope: RequestScope, @Root() client: ApiClient) {
    return loadReference(scope, Customer, client.customer);
  }
}
