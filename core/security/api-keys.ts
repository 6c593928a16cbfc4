import { createHash, randomBytes } from 'node:crypto';
import { Customer } from '../entities/customer.entity.js';
import { StaffRole } from '../entities/enums.js';
import type { RequestScope } from '../request-scope.js';
import { ApiClient } from './api-client.entity.js';
import { ApiScope } from './principal.js';

/** Length of the shown part of a key; long enough to tell keys apart, too short to guess one. */
const PREFIX_LENGTH = 12;

/** Hashes a key for storage and lookup. Keys are 240 random bits, so a fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Makes a new random key, such as `osp_3q9V…`. */
export function generateApiKey(): string {
  return `osp_${randomBytes(30).toString('base64url')}`;
}

export interface NewApiClient {
  name: string;
  roles?: StaffRole[];
  scopes: ApiScope[];
  /** Customer code of a partner ERP's key; omitted for a company-wide key. */
  customerCode?: string;
  /** Use this key instead of a random one (the bootstrap and demo keys). */
  key?: string;
}

/** Creates an API client and returns it with its key, which is never stored and cannot be shown again. */
export async function createApiClient(
  scope: RequestScope,
  input: NewApiClient,
): Promise<{ client: ApiClient; key: string }> {
  const key = input.key ?? generateApiKey();
  let customer: Customer | null = null;
  if (input.customerCode) {
    customer = await scope.em.findOne(Customer, { code: input.customerCode });
    if (!customer)
      throw new Error(`Customer with code "${input.customerCode}" was not found: check the code`);
  }
  const client = scope.em.create(ApiClient, {
    name: input.name,
    keyPrefix: key.slice(0, PREFIX_LENGTH),
    keyHash: hashApiKey(key),
    // A customer-bound key acts for the customer, never under staff roles.
    roles: customer ? [] : [...new Set(input.roles ?? [StaffRole.VIEWER])],
    scopes: [...new Set(input.scopes)],
    customer,
    createdBy: scope.principal.name,
  });
  await scope.em.flush();
  return { client, key };
}

/**
 * Makes sure an admin client with `key` exists, so a new deployment can be administered with the
 * key from `BOOTSTRAP_ADMIN_API_KEY`. A changed key replaces the previous bootstrap key.
 */
export async function ensureBootstrapAdmin(scope: RequestScope, key: string): Promise<void> {
  const name = 'bootstrap-admin';
  const existing = await scope.em.findOne(ApiClient, { name, customer: null });
  if (existing) {
    existing.keyHash = hashApiKey(key);
    existing.keyPrefix = key.slice(0, PREFIX_LENGTH);
    existing.revokedAt = null;
    existing.roles = [StaffRole.ADMIN];
    existing.scopes = [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE];
    await scope.em.flush();
    return;
  }
  await createApiClient(scope, {
    name,
    key,
    roles: [StaffRole.ADMIN],
    scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
  });
}
