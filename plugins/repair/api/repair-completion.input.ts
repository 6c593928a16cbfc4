import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateTimeScalar, UpdateInputBase } from '../../../core/index.js';

@InputType('StartRepairInput')
export class StartRepairInput extends UpdateInputBase {}

@InputType('CompleteRepairInput')
export class CompleteRepairInput extends UpdateInputBase {
  @Field(() => String, { description: 'Results of commissioning the repaired unit.' })
  @Length(1, 5000)
  commissioningResults!: string;
}

@InputType('AcceptRepairInput')
export class AcceptRepairInput extends UpdateInputBase {
  @Field(() => String, { description: "Name of the customer's signer." })
  @Length(1, 200)
  signerName!: string;

  @Field(() => DateTimeScalar)
  signedAt!: Date;
}

@InputType('ObjectToRepairInput')
export class ObjectToRepairInput extends UpdateInputBase {
  @Field(() => String, { description: 'What the customer objects to; the repair is redone.' })
  @Length(1, 5000)
  reason!: string;
}

@InputType('CloseRepairOrderInput')
export class CloseRepairOrderInput extends UpdateInputBase {}
