import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  BUSINESS_CODE,
  BUSINESS_CODE_MESSAGE,
  CreateInputBase,
  DecimalScalar,
  IsNonNegativeDecimal,
  IsNotBlank,
  LocalDateScalar,
  UpdateInputBase,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { Supplier } from '../entities/supplier.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';

/** Part numbers: 1 to 64 uppercase letters, digits, dots, slashes and inner hyphens. */
const PART_NUMBER = /^[A-Z0-9](?:[A-Z0-9./-]{0,62}[A-Z0-9])?$/;

@InputType('CreatePartInput')
export class CreatePartInput extends CreateInputBase {
  @Field(() => String, { description: 'Unique part number, such as "MP-F1600-VS-05".' })
  @Matches(PART_NUMBER, {
    message: 'must be 1 to 64 uppercase letters, digits, ".", "/" or "-", such as "MP-F1600-VS-05"',
  })
  partNumber!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  specification?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of measure; "EA" when omitted.' })
  @IsOptional()
  @Length(1, 16)
  unitOfMeasure?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Null when the cost is unknown.' })
  @IsOptional()
  @IsNonNegativeDecimal(14, 2)
  unitCost?: string | null;

  @Field(() => Boolean, { nullable: true })
  critical?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  valuable?: boolean | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(15, 3)
  reorderPoint?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(15, 3)
  safetyStock?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Equipment models the part fits.' })
  @IsOptional()
  @ArrayMaxSize(200)
  compatibleModelIds?: string[] | null;
}

@InputType('UpdatePartInput')
export class UpdatePartInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  specification?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  model?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(14, 2)
  unitCost?: string | null;

  @Field(() => Boolean, { nullable: true })
  critical?: boolean;

  @Field(() => Boolean, { nullable: true })
  valuable?: boolean;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(15, 3)
  reorderPoint?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal(15, 3)
  safetyStock?: string;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list of compatible models.' })
  @IsOptional()
  @ArrayMaxSize(200)
  compatibleModelIds?: string[] | null;
}

@InputType('PartFilter')
export class PartFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Matches part number or name, ignoring case.',
  })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @Field(() => Boolean, { nullable: true })
  critical?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: parts whose available stock over all warehouses is at or below a reorder point above 0.',
  })
  belowReorderPoint?: boolean;
}

@InputType('CreateWarehouseInput')
export class CreateWarehouseInput extends CreateInputBase {
  @Field(() => String)
  @Matches(BUSINESS_CODE, { message: BUSINESS_CODE_MESSAGE })
  code!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => ID, { nullable: true })
  siteId?: string | null;
}

@InputType('CreateSupplierInput')
export class CreateSupplierInput extends CreateInputBase {
  @Field(() => String)
  @Matches(BUSINESS_CODE, { message: BUSINESS_CODE_MESSAGE })
  code!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;
}

@InputType('QualifySupplierInput')
export class QualifySupplierInput extends UpdateInputBase {
  @Field(() => Boolean, { description: 'True qualifies the supplier, false withdraws it.' })
  qualified!: boolean;

  @Field(() => String, { description: 'Basis of the decision, such as an audit report number.' })
  @IsNotBlank()
  @Length(1, 2000)
  note!: string;

  @Field(() => LocalDateScalar, { description: 'Day of the decision.' })
  decidedOn!: string;
}

@ObjectType('PartPayload')
export class PartPayload {
  @Field(() => Part)
  part!: Part;
}

@ObjectType('WarehousePayload')
export class WarehousePayload {
  @Field(() => Warehouse)
  warehouse!: Warehouse;
}

@ObjectType('SupplierPayload')
export class SupplierPayload {
  @Field(() => Supplier)
  supplier!: Supplier;
}
