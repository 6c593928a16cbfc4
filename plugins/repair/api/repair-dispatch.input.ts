import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  IsNonNegativeDecimal,
  LocalDateScalar,
  UpdateInputBase,
} from '../../../core/index.js';

@InputType('DispatchRepairOrderInput')
export class DispatchRepairOrderInput extends UpdateInputBase {
  @Field(() => [ID], { description: 'Active staff members with the TECHNICIAN role.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  technicianIds!: string[];
}

@InputType('RecordArrivalInput')
export class RecordArrivalInput extends UpdateInputBase {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Arrival on site; now when omitted.',
  })
  arrivedAt?: Date | null;
}

@InputType('RecordDiagnosisInput')
export class RecordDiagnosisInput extends UpdateInputBase {
  @Field(() => String, { description: 'Fault phenomenon as observed (故障现象).' })
  @Length(1, 5000)
  phenomenon!: string;

  @Field(() => String, { description: 'Root cause (故障原因).' })
  @Length(1, 5000)
  cause!: string;

  @Field(() => String, { description: 'Affected component, such as "fluid end valve seat".' })
  @Length(1, 200)
  component!: string;

  @Field(() => String, { description: 'How the cause was found, such as "pressure test".' })
  @Length(1, 5000)
  method!: string;
}

@InputType('RecordLabourInput')
export class RecordLabourInput extends UpdateInputBase {
  @Field(() => ID, { description: 'An active staff member with the TECHNICIAN role.' })
  technicianId!: string;

  @Field(() => DecimalScalar, {
    description: 'More than 0 and at most 24, two decimal places at most, such as "7.50".',
  })
  @IsNonNegativeDecimal(8, 2)
  hours!: string;

  @Field(() => LocalDateScalar, {
    description: 'Day the work was done, from the reporting day to today.',
  })
  workedOn!: string;
}

@InputType('CancelRepairOrderInput')
export class CancelRepairOrderInput extends UpdateInputBase {
  @Field(() => String)
  @Length(1, 2000)
  reason!: string;
}
