import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  CreateInputBase,
  DateTimeScalar,
  DecimalScalar,
  IsNonNegativeDecimal,
  LocalDateScalar,
  UpdateInputBase,
} from '../../../core/index.js';
import { OldPartDisposition } from '../entities/spare-parts.enums.js';
import { RepairPartUsage } from '../entities/repair-part-usage.entity.js';

@InputType('RecordRepairPartUsedInput')
export class RecordRepairPartUsedInput extends CreateInputBase {
  @Field(() => ID)
  repairOrderId!: string;

  @Field(() => ID, { description: 'Issued line of a requisition raised for this repair order.' })
  requisitionLineId!: string;

  @Field(() => DecimalScalar, {
    description: 'At most the issued quantity not yet returned or fitted.',
  })
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  serialOrBatch?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Now when omitted.' })
  fittedAt?: Date | null;
}

@InputType('RecordOldPartDispositionInput')
export class RecordOldPartDispositionInput extends UpdateInputBase {
  @Field(() => OldPartDisposition)
  disposition!: OldPartDisposition;

  @Field(() => LocalDateScalar)
  on!: string;

  @Field(() => String, { nullable: true, description: 'Required for NOT_RETURNED: say why.' })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;
}

@ObjectType('RepairPartUsagePayload')
export class RepairPartUsagePayload {
  @Field(() => RepairPartUsage)
  partUsage!: RepairPartUsage;
}
