import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import {
  DecimalScalar,
  Department,
  IsNonNegativeDecimal,
  UpdateInputBase,
} from '../../../core/index.js';

@InputType('RepairPlanPartInput')
export class RepairPlanPartInput {
  @Field(() => String, { description: 'Manufacturer part number, such as "MP-VS-0175".' })
  @Length(1, 100)
  partNumber!: string;

  @Field(() => String)
  @Length(1, 500)
  description!: string;

  @Field(() => DecimalScalar, { description: 'Quantity, at most three decimal places.' })
  @IsNonNegativeDecimal(12, 3)
  quantity!: string;
}

@InputType('SubmitRepairPlanInput')
export class SubmitRepairPlanInput extends UpdateInputBase {
  @Field(() => [String], { description: 'Repair steps in order.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Length(1, 2000, { each: true })
  steps!: string[];

  @Field(() => [RepairPlanPartInput], {
    description: 'Parts to replace. Send [] when the repair needs none.',
  })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  parts!: RepairPlanPartInput[];

  @Field(() => DecimalScalar, { description: 'Estimated labour hours, such as "16.5".' })
  @IsNonNegativeDecimal(8, 2)
  estimatedHours!: string;

  @Field(() => Boolean, {
    description: 'Major plans need a review by each of reviewDepartments before approval.',
  })
  major!: boolean;

  @Field(() => [Department], {
    nullable: true,
    description: 'Departments that review a major plan; at least one when major is true.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  reviewDepartments?: Department[] | null;
}

@InputType('RecordPlanReviewInput')
export class RecordPlanReviewInput extends UpdateInputBase {
  @Field(() => Department, { description: 'One of the departments the plan lists for review.' })
  department!: Department;

  @Field(() => String, { description: 'Name of the reviewer.' })
  @Length(1, 200)
  reviewer!: string;

  @Field(() => Boolean)
  approved!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  comment?: string | null;
}

@InputType('RejectRepairPlanInput')
export class RejectRepairPlanInput extends UpdateInputBase {
  @Field(() => String)
  @Length(1, 5000)
  reason!: string;
}

@InputType('ApproveRepairPlanInput')
export class ApproveRepairPlanInput extends UpdateInputBase {}

@InputType('RequestPlanChangeInput')
export class RequestPlanChangeInput extends UpdateInputBase {
  @Field(() => String)
  @Length(1, 5000)
  reason!: string;

  @Field(() => String, { description: 'What changes in the plan: steps, parts or hours.' })
  @Length(1, 5000)
  changes!: string;
}

@InputType('ApprovePlanChangeInput')
export class ApprovePlanChangeInput extends UpdateInputBase {}
