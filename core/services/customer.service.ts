import type { FilterQuery } from '@mikro-orm/core';
import type { ConnectionArgs, ConnectionPage } from '../api/connection.js';
import { notFound } from '../api/errors.js';
import { containsText, findPage } from '../api/pagination.js';
import { Customer } from '../entities/customer.entity.js';
import type { RequestScope } from '../request-scope.js';
import type {
  CreateCustomerInput,
  CustomerFilter,
  CustomerOrder,
  UpdateCustomerInput,
} from '../resolvers/customer.input.js';
import { applyChanges, flushChecked, requireRecordAtVersion } from './records.js';

const uniqueCode = (code: string) => ({
  column: 'code',
  field: 'input.code',
  message: `input.code "${code}" is already used by another customer: choose a different code`,
});

/** Lists customers with filters, a stable order and keyset pagination. */
export function listCustomers(
  scope: RequestScope,
  filter: CustomerFilter = {},
  order: CustomerOrder | undefined,
  args: ConnectionArgs,
): Promise<ConnectionPage<Customer>> {
  const where: FilterQuery<Customer>[] = [];
  if (filter.text) {
    const text = containsText(scope, filter.text);
    where.push({ $or: [{ code: text }, { name: text }] });
  }
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.region) where.push({ region: filter.region });
  return findPage(
    scope,
    Customer,
    { $and: where },
    { property: order?.field ?? 'code', direction: order?.direction ?? 'ASC' },
    args,
  );
}

/** Finds a customer by its business code or throws NOT_FOUND naming `code`. */
export async function customerByCode(scope: RequestScope, code: string): Promise<Customer> {
  const customer = await scope.em.findOne(Customer, { code });
  if (!customer) throw notFound('Customer', 'code', code);
  return customer;
}

export async function createCustomer(
  scope: RequestScope,
  input: CreateCustomerInput,
): Promise<Customer> {
  const customer = scope.em.create(Customer, {
    code: input.code,
    name: input.name,
    kind: input.kind,
    region: input.region ?? null,
    address: input.address ?? null,
    contacts: (input.contacts ?? []).map((contact) => ({ ...contact })),
    notes: input.notes ?? null,
  });
  await flushChecked(scope, [uniqueCode(input.code)]);
  return customer;
}

export async function updateCustomer(
  scope: RequestScope,
  input: UpdateCustomerInput,
): Promise<Customer> {
  const customer = await requireRecordAtVersion(scope, Customer, input);
  const { id: _id, version: _version, contacts, ...changes } = input;
  applyChanges(customer, changes);
  if (contacts) customer.contacts = contacts.map((contact) => ({ ...contact }));
  await flushChecked(scope, []);
  return customer;
}
