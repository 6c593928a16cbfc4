import { IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  CreateInputBase,
  IsCurrencyCode,
  IsNotBlank,
  IsNonNegativeDecimal,
} from '../../../core/index.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import {
  RepairOrderStatus,
  RepairOrderType,
  RepairUrgency,
  ReportChannel,
} from '../entities/repair-order.enums.js';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => DecimalScalar, {
    description: 'Zero or more, at most two decimal places, such as "183.05".',
  })
  @IsNonNegativeDecimal(14, 2)
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code, such as "AUD" or "CNY".' })
  @IsCurrencyCode()
  currency!: string;
}

@InputType('DiagnosisTagsInput')
export class DiagnosisTagsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  system?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  part?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  failureMode?: string | null;
}

@InputType('CreateRepairOrderInput')
export class CreateRepairOrderInput extends CreateInputBase {
  @Field(() => ID)
  equipmentId!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the fault was reported; now when omitted.',
  })
  reportedAt?: Date;

  @Field(() => ReportChannel)
  channel!: ReportChannel;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 5000)
  faultDescription!: string;

  @Field(() => RepairOrderType)
  orderType!: RepairOrderType;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  cost?: MoneyInput | null;

  @Field(() => DiagnosisTagsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  diagnosisTags?: DiagnosisTagsInput | null;

  @Field(() => RepairUrgency, {
    nullable: true,
    description: 'Sets the dispatch and arrival deadlines; NORMAL when omitted.',
  })
  urgency?: RepairUrgency | null;

  @Field(() => String, { nullable: true, description: 'Person on site to call.' })
  @IsOptional()
  @MaxLength(200)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  contactPhone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Location of the unit, such as a well name or directions.',
  })
  @IsOptional()
  @MaxLength(500)
  location?: string | null;
}

@InputType('RepairOrderFilter')
export class RepairOrderFilter {
  @Field(() => ID, { nullable: true })
  equipmentId?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Reported at or after this instant.',
  })
  reportedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Reported before this instant.' })
  reportedTo?: Date;

  @Field(() => [RepairOrderType], { nullable: true })
  orderTypes?: RepairOrderType[];

  @Field(() => [RepairOrderStatus], { nullable: true })
  statuses?: RepairOrderStatus[];

  @Field(() => String, {
    nullable: true,
    description: 'Matches order number or fault description, ignoring case.',
  })
  @IsOptional()
  @MaxLength(200)
  text?: string;
}

@ObjectType('RepairOrderPayload')
export class RepairOrderPayload {
  @Field(() => RepairOrder)
  repairOrder!: RepairOrder;
}
