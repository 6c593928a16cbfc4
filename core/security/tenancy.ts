import { Filter, type EntityMetadata } from '@mikro-orm/core';

/** Name of the ORM filter that limits customer-bound principals to their customer's records. */
export const TENANT_FILTER = 'tenant';

/** Filter parameters, set on every request's EntityManager from its principal. */
export interface TenantFilterParams {
  customerId: string | null;
  /** Whether the principal has the ADMIN role and is not customer-bound. */
  admin: boolean;
}

/**
 * The relation of an entity to customers:
 * - `owner`: the path from the entity to its customer's key, such as `customer`,
 *   `equipment.customer`, or `id` for Customer itself. Customer-bound principals see only rows
 *   of their customer.
 * - `internal`: company records, such as staff, that customer-bound principals never see.
 * - `adminOnly`: records about access itself (API clients, the audit trail) that only admins see.
 * - `shared`: catalogue records every principal may read, such as equipment models.
 */
export type TenancyRule =
  { owner: string } | { internal: true } | { adminOnly: true } | { shared: true };

const rules = new Map<string, TenancyRule>();

function conditionFor(
  rule: TenancyRule,
  params: TenantFilterParams | undefined,
): Record<string, unknown> {
  // Without parameters the caller is the process itself (imports, seeds, key lookups).
  if (!params) return {};
  if ('adminOnly' in rule) return params.admin ? {} : { id: null };
  const customerId = params.customerId;
  if (!customerId) return {};
  if ('internal' in rule) return { id: null };
  if ('shared' in rule) return {};
  // Builds { equipment: { customer: id } } from 'equipment.customer'.
  return rule.owner
    .split('.')
    .reverse()
    .reduce<unknown>((inner, property) => ({ [property]: inner }), customerId) as Record<
    string,
    unknown
  >;
}

/**
 * Declares an entity's tenancy and installs the ORM filter that enforces it on every find, count
 * and reference load, below the resolvers, so a new resolver cannot forget it. Every entity must
 * declare one; startup fails otherwise.
 */
export function Tenancy(rule: TenancyRule): ClassDecorator {
  return (target) => {
    rules.set(target.name, rule);
    if ('shared' in rule) return;
    Filter({
      name: TENANT_FILTER,
      default: true,
      args: false,
      cond: (params?: TenantFilterParams) => conditionFor(rule, params),
    })(target);
  };
}

/** Returns the tenancy an entity declared, if any. */
export function tenancyOf(entityName: string): TenancyRule | undefined {
  return rules.get(entityName);
}

/** Throws when an entity has no tenancy declaration, naming each one. */
export function assertTenancyDeclared(metadata: EntityMetadata[]): void {
  const missing = metadata.filter(
    (meta) => !meta.abstract && !meta.embeddable && !rules.has(meta.className),
  );
  if (missing.length > 0) {
    throw new Error(
      `Entities without a tenancy rule (add @Tenancy): ${missing.map((meta) => meta.className).join(', ')}`,
    );
  }
}
