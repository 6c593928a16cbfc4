import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Info,
  Resolver,
  Root,
} from 'type-graphql';
import { ConnectionArgs } from '../api/connection.js';
import { declareFieldReads } from '../api/derived-from.js';
import { loadReference } from '../api/entity-loader.js';
import { Customer } from '../entities/customer.entity.js';
import { Site } from '../entities/site.entity.js';
import { Access } from '../security/access.js';
import { StaffRole } from '../entities/enums.js';
import { createOnce } from '../idempotency/idempotency.js';
import type { RequestScope } from '../request-scope.js';
import { siteEquipment } from '../services/children.js';
import { requireRecord } from '../services/records.js';
import { createSite, listSites, updateSite } from '../services/site.service.js';
import { EquipmentConnection, SiteConnection } from './connections.js';
import { CreateSiteInput, SiteFilter, SitePayload, UpdateSiteInput } from './site.input.js';

// Nested lists need only the parent's id, so a list of parents can skip other columns.
declareFieldReads(Site, 'equipment', ['id']);

@Resolver(() => Site)
export class SiteResolver {
  @Access({ roles: 'any', customers: true })
  @Query(() => Site, { nullable: true, description: 'A site by its global ID.' })
  site(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Site, id, 'id');
  }

  @Access({ roles: 'any', customers: true })
  @Query(() => SiteConnection, { description: 'Sites, by name.' })
  sites(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => SiteFilter, { nullable: true }) filter?: SiteFilter,
  ) {
    return listSites(scope, filter, page);
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.DISPATCHER] })
  @Mutation(() => SitePayload)
  async createSite(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateSiteInput) input: CreateSiteInput,
  ): Promise<SitePayload> {
    return {
      site: await createOnce(scope, 'createSite', Site, input, () => createSite(scope, input)),
    };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.DISPATCHER] })
  @Mutation(() => SitePayload)
  async updateSite(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdateSiteInput) input: UpdateSiteInput,
  ): Promise<SitePayload> {
    return { site: await updateSite(scope, input) };
  }

  @FieldResolver(() => Customer)
  customer(@Ctx() scope: RequestScope, @Root() site: Site) {
    return loadReference(scope, Customer, site.customer);
  }

  @FieldResolver(() => EquipmentConnection, {
    description: 'Units standing at this site, by serial number.',
  })
  equipment(
    @Ctx() scope: RequestScope,
    @Root() site: Site,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return siteEquipment.page(scope, site.id, page, {}, info);
  }
}
