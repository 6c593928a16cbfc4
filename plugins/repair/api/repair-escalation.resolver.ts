import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Access, StaffRole, type RequestScope } from '../../../core/index.js';
import { RepairEscalation } from '../entities/repair-escalation.entity.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { escalationsByOrder } from '../loaders/repair-workflow.loaders.js';
import {
  answerRepairEscalation,
  escalateRepairOrder,
} from '../services/repair-escalation.service.js';
import {
  AnswerRepairEscalationInput,
  EscalateRepairOrderInput,
  EscalateRepairOrderPayload,
  RepairEscalationPayload,
} from './repair-escalation.input.js';

/** Escalations of repair orders to technical support, and their answers. */
@Resolver(() => RepairOrder)
export class RepairEscalationResolver {
  @Access({ roles: [StaffRole.TECHNICIAN, StaffRole.SERVICE_MANAGER] })
  @Mutation(() => EscalateRepairOrderPayload, {
    description:
      'Asks technical support about a complex fault, in ON_SITE, DIAGNOSED, PLAN_SUBMITTED, ' +
      'PLAN_REJECTED or IN_REPAIR. The order keeps its state, and its version rises.',
  })
  async escalateRepairOrder(
    @Ctx() scope: RequestScope,
    @Arg('input', () => EscalateRepairOrderInput) input: EscalateRepairOrderInput,
  ): Promise<EscalateRepairOrderPayload> {
    return escalateRepairOrder(scope, input);
  }

  @Access({ roles: [StaffRole.SUPPORT_ENGINEER, StaffRole.SERVICE_MANAGER] })
  @Mutation(() => RepairEscalationPayload, {
    description: 'Answers an OPEN escalation and marks it ANSWERED.',
  })
  async answerRepairEscalation(
    @Ctx() scope: RequestScope,
    @Arg('input', () => AnswerRepairEscalationInput) input: AnswerRepairEscalationInput,
  ): Promise<RepairEscalationPayload> {
    return { escalation: await answerRepairEscalation(scope, input) };
  }

  @FieldResolver(() => [RepairEscalation], {
    description: 'Escalations to technical support, oldest first.',
  })
  escalations(@Ctx() scope: RequestScope, @Root() order: RepairOrder) {
    return scope.loader(escalationsByOrder).load(order.id);
  }
}
