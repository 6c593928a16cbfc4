import { Customer } from '../entities/customer.entity.js';
import { StaffRole } from '../entities/enums.js';
import type { RequestScope } from '../request-scope.js';
import { ApiClient } from '../security/api-client.entity.js';
import { createApiClient, hashApiKey } from '../security/api-keys.js';
import { ApiScope } from '../security/principal.js';

/** Admin key of the demo database. Known to everyone: never loaded in production. */
export const DEMO_ADMIN_KEY = 'demo-admin-key-for-local-use-only';
/** Partner ERP key of the demo database, bound to the excavator fleet owner. */
export const DEMO_PARTNER_KEY = 'demo-partner-key-excavator-fleet-only';

/** Creates the two demo API keys; the partner key only when its customer exists. */
export async function createDemoKeys(scope: RequestScope): Promise<void> {
  await createApiClient(scope, {
    name: 'demo admin',
    key: DEMO_ADMIN_KEY,
    roles: [StaffRole.ADMIN],
    scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
  });
  if (await scope.em.count(Customer, { code: 'EXC-FLEET' })) {
    await createApiClient(scope, {
      name: 'demo partner ERP (excavator fleet)',
      key: DEMO_PARTNER_KEY,
      scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
      customerCode: 'EXC-FLEET',
    });
  }
}

/** Returns the demo keys that exist in this database, with what each is for. */
export async function existingDemoKeys(
  scope: RequestScope,
): Promise<{ label: string; key: string }[]> {
  const candidates = [
    { label: 'admin', key: DEMO_ADMIN_KEY },
    { label: 'partner ERP of customer EXC-FLEET', key: DEMO_PARTNER_KEY },
  ];
  const found = await scope.em.find(
    ApiClient,
    { keyHash: { $in: candidates.map((candidate) => hashApiKey(candidate.key)) }, revokedAt: null },
    { filters: false },
  );
  const hashes = new Set(found.map((client) => client.keyHash));
  return candidates.filter((candidate) => hashes.has(hashApiKey(candidate.key)));
}
