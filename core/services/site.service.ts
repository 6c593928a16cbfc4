import type { FilterQuery } from '@mikro-orm/core';
import type { ConnectionArgs, ConnectionPage } from '../api/connection.js';
import { fromGlobalId } from '../api/global-id.js';
import { containsText, findPage } from '../api/pagination.js';
import { Customer } from '../entities/customer.entity.js';
import { Site } from '../entities/site.entity.js';
import type { RequestScope } from '../request-scope.js';
import type { CreateSiteInput, SiteFilter, UpdateSiteInput } from '../resolvers/site.input.js';
import { applyChanges, flushChecked, requireRecord, requireRecordAtVersion } from './records.js';

/** Lists sites by name with filters and keyset pagination. */
export function listSites(
  scope: RequestScope,
  filter: SiteFilter = {},
  args: ConnectionArgs,
): Promise<ConnectionPage<Site>> {
  const where: FilterQuery<Site>[] = [];
  if (filter.customerId != null)
    where.push({ customer: fromGlobalId(filter.customerId, 'filter.customerId', 'Customer').id });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.region) where.push({ region: filter.region });
  if (filter.text) where.push({ name: containsText(scope, filter.text) });
  return findPage(scope, Site, { $and: where }, { property: 'name', direction: 'ASC' }, args);
}

export async function createSite(scope: RequestScope, input: CreateSiteInput): Promise<Site> {
  const customer = await requireRecord(scope, Customer, input.customerId, 'input.customerId');
  const site = scope.em.create(Site, {
    customer,
    name: input.name,
    kind: input.kind,
    region: input.region ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    timeZone: input.timeZone ?? 'UTC',
  });
  await flushChecked(scope, []);
  return site;
}

export async function updateSite(scope: RequestScope, input: UpdateSiteInput): Promise<Site> {
  const site = await requireRecordAtVersion(scope, Site, input);
  const { id: _id, version: _version, ...changes } = input;
  applyChanges(site, changes);
  await flushChecked(scope, []);
  return site;
}
