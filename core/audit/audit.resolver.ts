import type { FilterQuery } from '@mikro-orm/core';
import { MaxLength, IsOptional } from 'class-validator';
import { Arg, Args, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, connectionType } from '../api/connection.js';
import { fromGlobalId } from '../api/global-id.js';
import { findPage } from '../api/pagination.js';
import { DateTimeScalar } from '../api/scalars.js';
import type { RequestScope } from '../request-scope.js';
import { Access } from '../security/access.js';
import { AuditEntry } from './audit-entry.entity.js';

const AuditEntryConnection = connectionType('AuditEntry', AuditEntry);

@InputType('AuditTrailFilter')
class AuditTrailFilter {
  @Field(() => ID, { nullable: true, description: 'Only changes to this record.' })
  recordId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes to records of this type, such as "Equipment".',
  })
  @IsOptional()
  @MaxLength(100)
  entityName?: string;

  @Field(() => String, { nullable: true, description: 'Only changes by this principal id.' })
  @IsOptional()
  @MaxLength(200)
  principalId?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Access({ roles: [] })
  @Query(() => AuditEntryConnection, {
    description: 'Changes to records, newest first. Admins only.',
  })
  auditTrail(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => AuditTrailFilter, { nullable: true }) filter: AuditTrailFilter = {},
  ) {
    const where: FilterQuery<AuditEntry>[] = [];
    if (filter.recordId != null) {
      fromGlobalId(filter.recordId, 'filter.recordId');
      where.push({ entityId: filter.recordId });
    }
    if (filter.entityName) where.push({ entityName: filter.entityName });
    if (filter.principalId) where.push({ principalId: filter.principalId });
    if (filter.from) where.push({ at: { $gte: filter.from } });
    if (filter.to) where.push({ at: { $lt: filter.to } });
    return findPage(
      scope,
      AuditEntry,
      { $and: where },
      { property: 'at', direction: 'DESC' },
      page,
    );
  }
}
