import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, type RequestScope } from '../../../core/index.js';
import {
  cancelRepairOrder,
  dispatchRepairOrder,
  recordArrival,
  recordDiagnosis,
  recordLabour,
} from '../services/repair-dispatch.service.js';
import { repairActionAccess } from '../workflow/repair-workflow.js';
import {
  CancelRepairOrderInput,
  DispatchRepairOrderInput,
  RecordArrivalInput,
  RecordDiagnosisInput,
  RecordLabourInput,
} from './repair-dispatch.input.js';
import { RepairOrderPayload } from './repair-order.input.js';

/** Workflow mutations from dispatch to diagnosis, labour time and cancellation. */
@Resolver()
export class RepairDispatchResolver {
  @Access(repairActionAccess('dispatch'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Assigns technicians to a REPORTED order and moves it to DISPATCHED.',
  })
  async dispatchRepairOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => DispatchRepairOrderInput) input: DispatchRepairOrderInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await dispatchRepairOrder(scope, input) };
  }

  @Access(repairActionAccess('recordArrival'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Records arrival on site and moves a DISPATCHED order to ON_SITE.',
  })
  async recordArrival(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordArrivalInput) input: RecordArrivalInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await recordArrival(scope, input) };
  }

  @Access(repairActionAccess('recordDiagnosis'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Records the diagnosis and moves an ON_SITE order to DIAGNOSED.',
  })
  async recordDiagnosis(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordDiagnosisInput) input: RecordDiagnosisInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await recordDiagnosis(scope, input) };
  }

  @Access(repairActionAccess('recordLabour'))
  @Mutation(() => RepairOrderPayload, {
    description:
      'Records hours a technician worked, from ON_SITE to AWAITING_ACCEPTANCE. The state stays.',
  })
  async recordLabour(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordLabourInput) input: RecordLabourInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await recordLabour(scope, input) };
  }

  @Access(repairActionAccess('cancel'))
  @Mutation(() => RepairOrderPayload, {
    description: 'Cancels an order that has not reached IN_REPAIR, with a reason.',
  })
  async cancelRepairOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CancelRepairOrderInput) input: CancelRepairOrderInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await cancelRepairOrder(scope, input) };
  }
}
