import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  CreateInputBase,
  DecimalScalar,
  IsNonNegativeDecimal,
  IsNotBlank,
  UpdateInputBase,
} from '../../../core/index.js';
import { Requisition } from '../entities/requisition.entity.js';
import { RequisitionStatus } from '../entities/spare-parts.enums.js';

@InputType('RequisitionLineInput')
export class RequisitionLineInput {
  @Field(() => ID)
  partId!: string;

  @Field(() => ID, { description: 'Warehouse to issue from.' })
  warehouseId!: string;

  @Field(() => DecimalScalar, { description: 'More than 0, at most three decimal places.' })
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;
}

@InputType('CreateRequisitionInput')
export class CreateRequisitionInput extends CreateInputBase {
  @Field(() => ID, { description: 'Staff member who will collect and fit the parts.' })
  technicianId!: string;

  @Field(() => ID, { nullable: true, description: 'Repair order the parts are for.' })
  repairOrderId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => [RequisitionLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines!: RequisitionLineInput[];
}

@InputType('RequisitionActionInput')
export class RequisitionActionInput extends UpdateInputBase {}

@InputType('RequisitionDecisionInput')
export class RequisitionDecisionInput extends UpdateInputBase {
  @Field(() => String)
  @IsNotBlank()
  @Length(1, 2000)
  reason!: string;
}

@InputType('RequisitionLineQuantityInput')
export class RequisitionLineQuantityInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => DecimalScalar)
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;
}

@InputType('RequisitionQuantitiesInput')
export class RequisitionQuantitiesInput extends UpdateInputBase {
  @Field(() => [RequisitionLineQuantityInput], {
    nullable: true,
    description: 'Lines and quantities; every remaining quantity when omitted.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines?: RequisitionLineQuantityInput[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType('RequisitionFilter')
export class RequisitionFilter {
  @Field(() => [RequisitionStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  statuses?: RequisitionStatus[];

  @Field(() => ID, { nullable: true })
  technicianId?: string;

  @Field(() => ID, { nullable: true })
  repairOrderId?: string;
}

@ObjectType('RequisitionPayload')
export class RequisitionPayload {
  @Field(() => Requisition)
  requisition!: Requisition;
}
