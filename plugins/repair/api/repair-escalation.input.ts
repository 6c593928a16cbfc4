import { Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { UpdateInputBase } from '../../../core/index.js';
import { RepairEscalation } from '../entities/repair-escalation.entity.js';
import { RepairOrder } from '../entities/repair-order.entity.js';

@InputType('EscalateRepairOrderInput')
export class EscalateRepairOrderInput extends UpdateInputBase {
  @Field(() => String, { description: 'Question to technical support about the fault.' })
  @Length(1, 5000)
  question!: string;
}

@InputType('AnswerRepairEscalationInput')
export class AnswerRepairEscalationInput extends UpdateInputBase {
  @Field(() => String)
  @Length(1, 10000)
  answer!: string;
}

@ObjectType('EscalateRepairOrderPayload')
export class EscalateRepairOrderPayload {
  @Field(() => RepairOrder)
  repairOrder!: RepairOrder;

  @Field(() => RepairEscalation)
  escalation!: RepairEscalation;
}

@ObjectType('RepairEscalationPayload')
export class RepairEscalationPayload {
  @Field(() => RepairEscalation)
  escalation!: RepairEscalation;
}
