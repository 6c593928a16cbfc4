import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CreateInputBase, UpdateInputBase } from '../api/mutation-inputs.js';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../api/scalars.js';
import {
  IsNonNegativeDecimal,
  SERIAL_NUMBER,
  SERIAL_NUMBER_MESSAGE,
  IsNotBlank,
} from '../api/validators.js';
import { EquipmentCategory, EquipmentStatus, SortDirectionEnum } from '../entities/enums.js';
import { Equipment } from '../entities/equipment.entity.js';

@InputType('MeterReadingInput')
export class MeterReadingInput {
  @Field(() => String)
  @IsNotBlank()
  @Length(1, 64)
  name!: string;

  @Field(() => DecimalScalar)
  @IsNonNegativeDecimal(18, 4)
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(32)
  unit?: string | null;

  @Field(() => DateTimeScalar)
  readAt!: Date;
}

@InputType('CreateEquipmentInput')
export class CreateEquipmentInput extends CreateInputBase {
  @Field(() => String, {
    description: 'Unique serial number: uppercase letters, digits and hyphens.',
  })
  @Matches(SERIAL_NUMBER, { message: SERIAL_NUMBER_MESSAGE })
  serialNumber!: string;

  @Field(() => ID)
  modelId!: string;

  @Field(() => ID, { description: 'The owner.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'A site of the same customer.' })
  siteId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit this one is part of, owned by the same customer.',
  })
  parentId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  commissionedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  warrantyEndsOn?: string | null;

  @Field(() => EquipmentStatus, { nullable: true, description: 'IN_SERVICE when omitted.' })
  status?: EquipmentStatus;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(14, 1)
  runningHours?: string | null;

  @Field(() => [MeterReadingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  meterReadings?: MeterReadingInput[];
}

@InputType('UpdateEquipmentInput')
export class UpdateEquipmentInput extends UpdateInputBase {
  @Field(() => ID, { nullable: true })
  siteId?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  commissionedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  warrantyEndsOn?: string | null;

  @Field(() => EquipmentStatus, { nullable: true })
  status?: EquipmentStatus;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(14, 1)
  runningHours?: string | null;

  @Field(() => [MeterReadingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  meterReadings?: MeterReadingInput[];
}

@InputType('EquipmentFilter')
export class EquipmentFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => ID, { nullable: true })
  siteId?: string;

  @Field(() => ID, { nullable: true })
  modelId?: string;

  @Field(() => EquipmentCategory, { nullable: true })
  category?: EquipmentCategory;

  @Field(() => EquipmentStatus, { nullable: true })
  status?: EquipmentStatus;

  @Field(() => String, { nullable: true, description: 'Matches the serial number, ignoring case.' })
  @IsOptional()
  @MaxLength(40)
  text?: string;
}

export enum EquipmentSortField {
  SERIAL_NUMBER = 'serialNumber',
  CREATED_AT = 'createdAt',
}
registerEnumType(EquipmentSortField, { name: 'EquipmentSortField' });

@InputType('EquipmentOrder')
export class EquipmentOrder {
  @Field(() => EquipmentSortField)
  field!: EquipmentSortField;

  @Field(() => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC })
  direction: SortDirectionEnum = SortDirectionEnum.ASC;
}

@ObjectType('EquipmentPayload')
export class EquipmentPayload {
  @Field(() => Equipment)
  equipment!: Equipment;
}
