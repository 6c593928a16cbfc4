import { registerEnumType } from 'type-graphql';
import { StaffRole } from '../entities/enums.js';

/** Permission that an API client key grants. Staff tokens carry every scope. */
export enum ApiScope {
  READ = 'READ',
  WRITE = 'WRITE',
  SUBSCRIBE = 'SUBSCRIBE',
}

registerEnumType(ApiScope, { name: 'ApiScope', description: 'What an API key may be used for.' });

/**
 * Who is making a request. Staff authenticate with a JWT and act under their roles; API clients
 * authenticate with a key and act under its roles and scopes. A principal with `customerId` is
 * customer-bound: it sees that customer's records only, and no costs, prices or staff contacts.
 */
export interface Principal {
  kind: 'anonymous' | 'staff' | 'api-client' | 'system';
  id: string;
  /** Name for logs and the audit trail, such as a staff name or an API client name. */
  name: string;
  roles: StaffRole[];
  scopes: ApiScope[];
  customerId?: string;
}

export const ANONYMOUS: Principal = {
  kind: 'anonymous',
  id: 'anonymous',
  name: 'anonymous',
  roles: [],
  scopes: [],
};

/** The process itself: imports, seeds and background jobs. Sees everything. */
export const SYSTEM: Principal = {
  kind: 'system',
  id: 'system',
  name: 'system',
  roles: [StaffRole.ADMIN],
  scopes: [ApiScope.READ, ApiScope.WRITE, ApiScope.SUBSCRIBE],
};

/** Returns whether the principal is restricted to one customer's records. */
export function isCustomerBound(principal: Principal): boolean {
  return principal.customerId !== undefined;
}
