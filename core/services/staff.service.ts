import type { FilterQuery } from '@mikro-orm/core';
import type { ConnectionArgs, ConnectionPage } from '../api/connection.js';
import { notFound } from '../api/errors.js';
import { containsText, findPage } from '../api/pagination.js';
import { Staff } from '../entities/staff.entity.js';
import type { RequestScope } from '../request-scope.js';
import type { CreateStaffInput, StaffFilter, UpdateStaffInput } from '../resolvers/staff.input.js';
import { applyChanges, flushChecked, requireRecordAtVersion } from './records.js';

/** Lists staff by employee number. */
export async function listStaff(
  scope: RequestScope,
  filter: StaffFilter = {},
  args: ConnectionArgs,
): Promise<ConnectionPage<Staff>> {
  const where: FilterQuery<Staff>[] = [];
  if (filter.department) where.push({ department: filter.department });
  if (filter.baseRegion) where.push({ baseRegion: filter.baseRegion });
  if (filter.active !== undefined && filter.active !== null) where.push({ active: filter.active });
  if (filter.role) where.push({ roleCodes: { $like: `%,${filter.role},%` } });
  if (filter.text) {
    const text = containsText(scope, filter.text);
    where.push({ $or: [{ employeeNumber: text }, { name: text }] });
  }
  return findPage(
    scope,
    Staff,
    { $and: where },
    { property: 'employeeNumber', direction: 'ASC' },
    args,
  );
}

/** Finds a staff member by employee number or throws NOT_FOUND naming `employeeNumber`. */
export async function staffByEmployeeNumber(
  scope: RequestScope,
  employeeNumber: string,
): Promise<Staff> {
  const staff = await scope.em.findOne(Staff, { employeeNumber });
  if (!staff) throw notFound('Staff', 'employeeNumber', employeeNumber);
  return staff;
}

export async function createStaff(scope: RequestScope, input: CreateStaffInput): Promise<Staff> {
  const staff = scope.em.create(Staff, {
    employeeNumber: input.employeeNumber,
    name: input.name,
    department: input.department,
    roles: [...new Set(input.roles ?? [])],
    skills: input.skills ?? [],
    certificates: (input.certificates ?? []).map((certificate) => ({ ...certificate })),
    baseRegion: input.baseRegion ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    active: true,
  });
  await flushChecked(scope, [
    {
      column: 'employee_number',
      field: 'input.employeeNumber',
      message: `input.employeeNumber "${input.employeeNumber}" is already used by another staff member: check the number`,
    },
  ]);
  return staff;
}

export async function updateStaff(scope: RequestScope, input: UpdateStaffInput): Promise<Staff> {
  const staff = await requireRecordAtVersion(scope, Staff, input);
  const { id: _id, version: _version, roles, certificates, ...changes } = input;
  applyChanges(staff, changes);
  if (roles) staff.roles = [...new Set(roles)];
  if (certificates) staff.certificates = certificates.map((certificate) => ({ ...certificate }));
  await flushChecked(scope, []);
  return staff;
}
