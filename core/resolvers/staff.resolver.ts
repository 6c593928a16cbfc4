import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionArgs } from '../api/connection.js';
import { Staff } from '../entities/staff.entity.js';
import { Access } from '../security/access.js';
import { createOnce } from '../idempotency/idempotency.js';
import type { RequestScope } from '../request-scope.js';
import { requireRecord } from '../services/records.js';
import {
  createStaff,
  listStaff,
  staffByEmployeeNumber,
  updateStaff,
} from '../services/staff.service.js';
import { StaffConnection } from './connections.js';
import { CreateStaffInput, StaffFilter, StaffPayload, UpdateStaffInput } from './staff.input.js';

@Resolver(() => Staff)
export class StaffResolver {
  @Access({ roles: 'any' })
  @Query(() => Staff, { nullable: true, description: 'A staff member by global ID.' })
  staffMember(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Staff, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => Staff, { nullable: true, description: 'A staff member by employee number.' })
  staffByEmployeeNumber(
    @Ctx() scope: RequestScope,
    @Arg('employeeNumber', () => String) employeeNumber: string,
  ) {
    return staffByEmployeeNumber(scope, employeeNumber);
  }

  @Access({ roles: 'any' })
  @Query(() => StaffConnection, { description: 'Staff, by employee number.' })
  staffMembers(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => StaffFilter, { nullable: true }) filter?: StaffFilter,
  ) {
    return listStaff(scope, filter, page);
  }

  @Access({ roles: [] })
  @Mutation(() => StaffPayload)
  async createStaff(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateStaffInput) input: CreateStaffInput,
  ): Promise<StaffPayload> {
    return {
      staff: await createOnce(scope, 'createStaff', Staff, input, () => createStaff(scope, input)),
    };
  }

  @Access({ roles: [] })
  @Mutation(() => StaffPayload)
  async updateStaff(
    @Ctx() scope: RequestScope,
    @Arg('input', () => UpdateStaffInput) input: UpdateStaffInput,
  ): Promise<StaffPayload> {
    return { staff: await updateStaff(scope, input) };
  }
}
