import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Access,
  ConnectionArgs,
  connectionType,
  createOnce,
  findPage,
  fromGlobalId,
  loadReference,
  requireRecord,
  Staff,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../../repair/index.js';
import { Part } from '../entities/part.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { Requisition } from '../entities/requisition.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { linesByRequisition } from '../loaders/spare-parts.loaders.js';
import {
  approveRequisition,
  cancelRequisition,
  confirmRequisitionIssue,
  createRequisition,
  issueRequisition,
  rejectRequisition,
  returnRequisitionParts,
  submitRequisition,
} from '../services/requisition.service.js';
import {
  CreateRequisitionInput,
  RequisitionActionInput,
  RequisitionDecisionInput,
  RequisitionFilter,
  RequisitionPayload,
  RequisitionQuantitiesInput,
} from './requisition.input.js';

export const RequisitionConnection = connectionType('Requisition', Requisition);

const REQUESTERS = [StaffRole.TECHNICIAN, StaffRole.SERVICE_MANAGER, StaffRole.PARTS_CLERK];
const STORES = [StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN];

@Resolver(() => Requisition)
export class RequisitionResolver {
  @Access({ roles: 'any' })
  @Query(() => Requisition, { nullable: true, description: 'A requisition by its global ID.' })
  requisition(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Requisition, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => RequisitionConnection, { description: 'Requisitions, newest first.' })
  requisitions(
    @Ctx() scope: RequestScope,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => RequisitionFilter, { nullable: true }) filter?: RequisitionFilter,
  ) {
    const where: Record<string, unknown> = {};
    if (filter?.statuses?.length) where.status = { $in: filter.statuses };
    if (filter?.technicianId)
      where.technician = fromGlobalId(filter.technicianId, 'filter.technicianId', 'Staff').id;
    if (filter?.repairOrderId) {
      where.repairOrder = fromGlobalId(
        filter.repairOrderId,
        'filter.repairOrderId',
        'RepairOrder',
      ).id;
    }
    return findPage(scope, Requisition, where, { property: 'createdAt', direction: 'DESC' }, page);
  }

  @Access({ roles: REQUESTERS })
  @Mutation(() => RequisitionPayload, { description: 'Opens a requisition in state DRAFT.' })
  async createRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CreateRequisitionInput) input: CreateRequisitionInput,
  ): Promise<RequisitionPayload> {
    return {
      requisition: await createOnce(scope, 'createRequisition', Requisition, input, () =>
        createRequisition(scope, input),
      ),
    };
  }

  @Access({ roles: REQUESTERS })
  @Mutation(() => RequisitionPayload, { description: 'DRAFT → SUBMITTED, for approval.' })
  async submitRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionActionInput) input: RequisitionActionInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await submitRequisition(scope, input) };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => RequisitionPayload, {
    description:
      'SUBMITTED → APPROVED, reserving every line. Fails with CONFLICT (reason SPARE_PARTS_INSUFFICIENT_STOCK) when a quantity is not available.',
  })
  async approveRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionActionInput) input: RequisitionActionInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await approveRequisition(scope, input) };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER] })
  @Mutation(() => RequisitionPayload, { description: 'SUBMITTED → REJECTED, with a reason.' })
  async rejectRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionDecisionInput) input: RequisitionDecisionInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await rejectRequisition(scope, input) };
  }

  @Access({ roles: [StaffRole.SERVICE_MANAGER, StaffRole.PARTS_CLERK] })
  @Mutation(() => RequisitionPayload, {
    description: 'Cancels a requisition that is not fully issued and releases its reservation.',
  })
  async cancelRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionDecisionInput) input: RequisitionDecisionInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await cancelRequisition(scope, input) };
  }

  @Access({ roles: [StaffRole.PARTS_CUSTODIAN] })
  @Mutation(() => RequisitionPayload, {
    description:
      "Records the parts custodian's confirmation for the valuable parts of a requisition.",
  })
  async confirmRequisitionIssue(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionActionInput) input: RequisitionActionInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await confirmRequisitionIssue(scope, input) };
  }

  @Access({ roles: STORES })
  @Mutation(() => RequisitionPayload, {
    description:
      'Issues approved quantities in full or in part, writing ISSUE movements: APPROVED or PARTIALLY_ISSUED → PARTIALLY_ISSUED or ISSUED.',
  })
  async issueRequisition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionQuantitiesInput) input: RequisitionQuantitiesInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await issueRequisition(scope, input) };
  }

  @Access({ roles: STORES })
  @Mutation(() => RequisitionPayload, {
    description: 'Books unused issued parts back into stock with RETURN movements.',
  })
  async returnRequisitionParts(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RequisitionQuantitiesInput) input: RequisitionQuantitiesInput,
  ): Promise<RequisitionPayload> {
    return { requisition: await returnRequisitionParts(scope, input) };
  }

  @FieldResolver(() => Staff)
  technician(@Ctx() scope: RequestScope, @Root() requisition: Requisition) {
    return loadReference(scope, Staff, requisition.technician);
  }

  @FieldResolver(() => RepairOrder, { nullable: true })
  repairOrder(@Ctx() scope: RequestScope, @Root() requisition: Requisition) {
    return requisition.repairOrder
      ? loadReference(scope, RepairOrder, requisition.repairOrder)
      : null;
  }

  @FieldResolver(() => [RequisitionLine])
  lines(@Ctx() scope: RequestScope, @Root() requisition: Requisition) {
    return scope.loader(linesByRequisition).load(requisition.id);
  }
}

@Resolver(() => RequisitionLine)
export class RequisitionLineResolver {
  @FieldResolver(() => Requisition, { description: 'The requisition the line belongs to.' })
  requisition(@Ctx() scope: RequestScope, @Root() line: RequisitionLine) {
    return loadReference(scope, Requisition, line.requisition);
  }

  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() line: RequisitionLine) {
    return loadReference(scope, Part, line.part);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() scope: RequestScope, @Root() line: RequisitionLine) {
    return loadReference(scope, Warehouse, line.warehouse);
  }
}
