import { defaultFieldResolver, GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import { Extensions, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { StaffRole } from '../entities/enums.js';
import type { RequestScope } from '../request-scope.js';
import { ApiScope, isCustomerBound, type Principal } from './principal.js';

/**
 * The principals allowed to call a query, mutation or subscription. Every root field declares one
 * with {@link Access}, and the schema fails to build when a root field has none.
 */
export interface AccessRule {
  /** Staff roles that may call it; ADMIN always may. `'any'` admits every internal principal. */
  roles: StaffRole[] | 'any';
  /** Whether customer-bound principals may call it. They still see only their own records. */
  customers?: boolean;
  /** Scope an API client needs. Queries need READ, mutations WRITE, subscriptions SUBSCRIBE. */
  scope?: ApiScope;
}

type OperationKind = 'Query' | 'Mutation' | 'Subscription';

const DEFAULT_SCOPES: Record<OperationKind, ApiScope> = {
  Query: ApiScope.READ,
  Mutation: ApiScope.WRITE,
  Subscription: ApiScope.SUBSCRIBE,
};

export function unauthenticated(): GraphQLError {
  return new GraphQLError(
    'Authentication required: send "Authorization: Bearer <API key or token>"',
    {
      extensions: { code: 'UNAUTHENTICATED' },
    },
  );
}

export function forbidden(reason: string): GraphQLError {
  return new GraphQLError(`Not allowed: ${reason}`, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * Throws UNAUTHENTICATED or FORBIDDEN unless `principal` may call `field`. The decision uses the
 * rule alone, never the data, so neither error reveals whether a record exists.
 */
export function checkAccess(
  principal: Principal,
  rule: AccessRule,
  kind: OperationKind,
  field: string,
): void {
  if (principal.kind === 'anonymous') throw unauthenticated();
  const scope = rule.scope ?? DEFAULT_SCOPES[kind];
  if (!principal.scopes.includes(scope)) {
    throw forbidden(`${field} needs an API key with the ${scope} scope`);
  }
  if (isCustomerBound(principal)) {
    if (!rule.customers) throw forbidden(`${field} is not available to customer API keys`);
    return;
  }
  if (principal.roles.includes(StaffRole.ADMIN) || rule.roles === 'any') return;
  if (!principal.roles.some((role) => rule.roles.includes(role))) {
    const allowed = [StaffRole.ADMIN, ...rule.roles];
    throw forbidden(
      allowed.length === 1
        ? `${field} needs the ADMIN role`
        : `${field} needs one of the roles ${allowed.join(', ')}`,
    );
  }
}

const guard: MiddlewareFn<RequestScope> = ({ context, info }, next) => {
  const rule = info.parentType.getFields()[info.fieldName].extensions.access as AccessRule;
  checkAccess(context.principal, rule, info.parentType.name as OperationKind, info.fieldName);
  return next();
};

/** Declares who may call a root field and enforces it before the resolver runs. */
export function Access(rule: AccessRule): MethodDecorator {
  const extensions = Extensions({ access: rule });
  const middleware = UseMiddleware(guard);
  return (target, key, descriptor) => {
    extensions(target, key, descriptor);
    middleware(target, key, descriptor);
  };
}

/**
 * Marks a field (a cost, a price, a staff member's contact) that customer-bound principals
 * receive as null. The field must be nullable. {@link hideFieldsFromCustomers} enforces it when
 * the schema is built.
 */
export function HiddenFromCustomers(): MethodDecorator & PropertyDecorator {
  const extensions = Extensions({ hiddenFromCustomers: true });
  return ((target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    extensions(target, key, descriptor as never);
  }) as MethodDecorator & PropertyDecorator;
}

/**
 * Wraps the resolver of every field marked with {@link HiddenFromCustomers} so that it returns
 * null for customer-bound principals. The wrapper is synchronous: a type-graphql middleware would
 * make the field, and so every record of a list, resolve through promises.
 */
export function hideFieldsFromCustomers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.extensions.hiddenFromCustomers) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestScope, info) =>
        isCustomerBound(context.principal) ? null : resolve(source, args, context, info);
    }
  }
}

/** Throws when a query, mutation or subscription field has no access rule, naming each one. */
export function assertAccessDeclared(schema: GraphQLSchema): void {
  const undeclared: string[] = [];
  for (const type of [
    schema.getQueryType(),
    schema.getMutationType(),
    schema.getSubscriptionType(),
  ]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (!field.extensions.access) undeclared.push(`${type!.name}.${field.name}`);
    }
  }
  if (undeclared.length > 0) {
    throw new Error(`Fields without an access rule (add @Access): ${undeclared.join(', ')}`);
  }
}
