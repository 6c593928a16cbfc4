import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Access, type RequestScope } from '../../../core/index.js';
import {
  acceptRepair,
  closeRepairOrder,
  completeRepair,
  objectToRepair,
  startRepair,
} from '../services/repair-completion.service.js';
import { repairActionAccess } from '../workflow/repair-workflow.js';
import {
  AcceptRepairInput,
  CloseRepairOrderInput,
  CompleteRepairInput,
  ObjectToRepairInput,
  StartRepairInput,
} from './repair-completion.input.js';
import { RepairOrderPayload } from './repair-order.input.js';

/** Workflow mutations from the start of the repair to acceptance and closing. */
@Resolver()
export class RepairCompletionResolver {
  @Access(repairActionAccess('startRepair'))
  @Mutation(() => RepairOrderPayload, { description: 'Starts the repair under the approved plan.' })
  async startRepair(
    @Ctx() scope: RequestScope,
    @Arg('input', () => StartRepairInput) input: StartRepairInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await startRepair(scope, input) };
  }

  @Access(repairActionAccess('completeRepair'))
  @Mutation(() => RepairOrderPayload, {
    description:
      'Records commissioning results and moves the order to AWAITING_ACCEPTANCE. Needs recorded labour.',
  })
  async completeRepair(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CompleteRepairInput) input: CompleteRepairInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await completeRepair(scope, input) };
  }

  @Access(repairActionAccess('accept'))
  @Mutation(() => RepairOrderPayload, {
    description: "Records the customer's sign-off. Customer API keys may accept their own orders.",
  })
  async acceptRepair(
    @Ctx() scope: RequestScope,
    @Arg('input', () => AcceptRepairInput) input: AcceptRepairInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await acceptRepair(scope, input) };
  }

  @Access(repairActionAccess('object'))
  @Mutation(() => RepairOrderPayload, {
    description:
      "Records the customer's objection and sends the order back to IN_REPAIR for rework.",
  })
  async objectToRepair(
    @Ctx() scope: RequestScope,
    @Arg('input', () => ObjectToRepairInput) input: ObjectToRepairInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await objectToRepair(scope, input) };
  }

  @Access(repairActionAccess('close'))
  @Mutation(() => RepairOrderPayload, {
    description:
      'Closes an ACCEPTED order. Fails with every missing item while the record is incomplete.',
  })
  async closeRepairOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => CloseRepairOrderInput) input: CloseRepairOrderInput,
  ): Promise<RepairOrderPayload> {
    return { repairOrder: await closeRepairOrder(scope, input) };
  }
}
