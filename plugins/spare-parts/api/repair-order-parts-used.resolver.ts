import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import {
  Access,
  createOnce,
  loadReference,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { RepairOrder } from '../../repair/index.js';
import { Part } from '../entities/part.entity.js';
import { RepairPartUsage } from '../entities/repair-part-usage.entity.js';
import { RequisitionLine } from '../entities/requisition-line.entity.js';
import { partUsagesByRepairOrder } from '../loaders/spare-parts.loaders.js';
import {
  recordOldPartDisposition,
  recordRepairPartUsed,
} from '../services/repair-parts.service.js';
import {
  RecordOldPartDispositionInput,
  RecordRepairPartUsedInput,
  RepairPartUsagePayload,
} from './repair-parts.input.js';

const FITTERS = [StaffRole.TECHNICIAN, StaffRole.SERVICE_MANAGER];

/** Adds `RepairOrder.partsUsed` and the mutations that record fitted parts. */
@Resolver(() => RepairOrder)
export class RepairOrderPartsUsedResolver {
  @FieldResolver(() => [RepairPartUsage], {
    description: 'Spare parts fitted on the order, from stock issued against it, in fitting order.',
  })
  partsUsed(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(partUsagesByRepairOrder).load(order.id);
  }

  @Access({ roles: FITTERS })
  @Mutation(() => RepairPartUsagePayload, {
    description:
      'Records a part fitted on a repair order, taken from an issued line of a requisition raised for the order.',
  })
  async recordRepairPartUsed(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordRepairPartUsedInput) input: RecordRepairPartUsedInput,
  ): Promise<RepairPartUsagePayload> {
    return {
      partUsage: await createOnce(scope, 'recordRepairPartUsed', RepairPartUsage, input, () =>
        recordRepairPartUsed(scope, input),
      ),
    };
  }

  @Access({ roles: [...FITTERS, StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN] })
  @Mutation(() => RepairPartUsagePayload, {
    description: 'Records whether the replaced part was returned, scrapped or not returned.',
  })
  async recordOldPartDisposition(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordOldPartDispositionInput) input: RecordOldPartDispositionInput,
  ): Promise<RepairPartUsagePayload> {
    return { partUsage: await recordOldPartDisposition(scope, input) };
  }
}

@Resolver(() => RepairPartUsage)
export class RepairPartUsageResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() usage: RepairPartUsage) {
    return loadReference(scope, Part, usage.part);
  }

  @FieldResolver(() => RequisitionLine, {
    nullable: true,
    description: 'The requisition line the part was issued on. Null for customer API keys.',
  })
  requisitionLine(@Ctx() scope: RequestScope, @Root() usage: RepairPartUsage) {
    return loadReference(scope, RequisitionLine, usage.requisitionLine);
  }
}
