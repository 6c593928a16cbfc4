import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  CreateInputBase,
  DecimalScalar,
  IsNonNegativeDecimal,
  UpdateInputBase,
} from '../../../core/index.js';
import { Stocktake } from '../entities/stocktake.entity.js';

@InputType('OpenStocktakeInput')
export class OpenStocktakeInput extends CreateInputBase {
  @Field(() => ID)
  warehouseId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Parts to count besides those the warehouse has stock records for.',
  })
  @IsOptional()
  @ArrayMaxSize(1000)
  extraPartIds?: string[] | null;
}

@InputType('StocktakeCountInput')
export class StocktakeCountInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => DecimalScalar)
  @IsNonNegativeDecimal(15, 3)
  countedQuantity!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Required at posting when the count differs.',
  })
  @IsOptional()
  @MaxLength(2000)
  discrepancyReason?: string | null;
}

@InputType('RecordStocktakeCountsInput')
export class RecordStocktakeCountsInput extends UpdateInputBase {
  @Field(() => [StocktakeCountInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  counts!: StocktakeCountInput[];
}

@InputType('StocktakeActionInput')
export class StocktakeActionInput extends UpdateInputBase {}

@ObjectType('StocktakePayload')
export class StocktakePayload {
  @Field(() => Stocktake)
  stocktake!: Stocktake;
}
