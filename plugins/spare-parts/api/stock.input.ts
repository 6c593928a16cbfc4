import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import {
  CreateInputBase,
  DateTimeScalar,
  DecimalScalar,
  IsNonNegativeDecimal,
} from '../../../core/index.js';
import { StockMovementKind } from '../entities/spare-parts.enums.js';
import { StockTransfer } from '../entities/stock-transfer.entity.js';

@InputType('StockLevelFilter')
export class StockLevelFilter {
  @Field(() => ID, { nullable: true })
  partId?: string;

  @Field(() => ID, { nullable: true })
  warehouseId?: string;
}

@InputType('StockMovementFilter')
export class StockMovementFilter {
  @Field(() => ID, { nullable: true })
  partId?: string;

  @Field(() => ID, { nullable: true })
  warehouseId?: string;

  @Field(() => [StockMovementKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  kinds?: StockMovementKind[];

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Occurred at or after this instant.',
  })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred before this instant.' })
  to?: Date;
}

@InputType('CreateStockTransferInput')
export class CreateStockTransferInput extends CreateInputBase {
  @Field(() => ID)
  partId!: string;

  @Field(() => ID)
  fromWarehouseId!: string;

  @Field(() => ID)
  toWarehouseId!: string;

  @Field(() => DecimalScalar, { description: 'More than 0, at most the available stock.' })
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType('StockTransferPayload')
export class StockTransferPayload {
  @Field(() => StockTransfer)
  stockTransfer!: StockTransfer;
}
