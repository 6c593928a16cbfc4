import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  CreateInputBase,
  DateTimeScalar,
  DecimalScalar,
  IsCurrencyCode,
  IsNonNegativeDecimal,
  IsNotBlank,
  LocalDateScalar,
  UpdateInputBase,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { PurchaseOrder } from '../entities/purchase-order.entity.js';
import { PurchaseReceipt } from '../entities/purchase-receipt.entity.js';

@InputType('PurchaseOrderLineInput')
export class PurchaseOrderLineInput {
  @Field(() => ID)
  partId!: string;

  @Field(() => String, { nullable: true, description: "The part's specification when omitted." })
  @IsOptional()
  @MaxLength(5000)
  specification?: string | null;

  @Field(() => DecimalScalar)
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'Price per unit, in the order currency.' })
  @IsNonNegativeDecimal(14, 2)
  unitPrice!: string;

  @Field(() => LocalDateScalar)
  deliveryDate!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 5000)
  qualityTerms!: string;
}

@InputType('CreatePurchaseOrderInput')
export class CreatePurchaseOrderInput extends CreateInputBase {
  @Field(() => ID, { description: 'A qualified supplier.' })
  supplierId!: string;

  @Field(() => String, { description: 'ISO 4217 code, such as "CNY".' })
  @IsCurrencyCode()
  currency!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => [PurchaseOrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines!: PurchaseOrderLineInput[];
}

@InputType('PurchaseOrderActionInput')
export class PurchaseOrderActionInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Required to cancel.' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType('PurchaseReceiptLineInput')
export class PurchaseReceiptLineInput {
  @Field(() => ID)
  orderLineId!: string;

  @Field(() => DecimalScalar)
  @IsNonNegativeDecimal(15, 3)
  quantity!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Number of the quality certificate (质量合格证明). Required: a receipt without one is rejected.',
  })
  @IsOptional()
  @MaxLength(100)
  qualityCertificateNumber?: string | null;
}

@InputType('ReceivePurchaseOrderInput')
export class ReceivePurchaseOrderInput extends CreateInputBase {
  @Field(() => ID)
  purchaseOrderId!: string;

  @Field(() => ID)
  warehouseId!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Now when omitted.' })
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => [PurchaseReceiptLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  lines!: PurchaseReceiptLineInput[];
}

@ObjectType('PurchaseOrderPayload')
export class PurchaseOrderPayload {
  @Field(() => PurchaseOrder)
  purchaseOrder!: PurchaseOrder;
}

@ObjectType('PurchaseReceiptPayload')
export class PurchaseReceiptPayload {
  @Field(() => PurchaseReceipt)
  receipt!: PurchaseReceipt;

  @Field(() => PurchaseOrder)
  purchaseOrder!: PurchaseOrder;
}

/** One suggestion of a procurement plan, with the figures it is based on. */
@ObjectType('ProcurementPlanLine')
export class ProcurementPlanLine {
  @Field(() => Part)
  part!: Part;

  @Field(() => DecimalScalar, { description: 'Available stock over all warehouses.' })
  available!: string;

  @Field(() => DecimalScalar, {
    description: 'Ordered on placed purchase orders, not yet received.',
  })
  onOrder!: string;

  @Field(() => DecimalScalar, { description: 'Quantity issued in the demand window.' })
  demandQuantity!: string;

  @Field(() => Int)
  demandDays!: number;

  @Field(() => DecimalScalar, { description: 'demandQuantity / demandDays, to three places.' })
  averageDailyDemand!: string;

  @Field(() => DecimalScalar)
  reorderPoint!: string;

  @Field(() => DecimalScalar)
  safetyStock!: string;

  @Field(() => DecimalScalar, {
    description: 'max(reorderPoint, safetyStock) + averageDailyDemand × coverageDays.',
  })
  targetLevel!: string;

  @Field(() => DecimalScalar, {
    description: 'targetLevel − (available + onOrder), rounded up to a whole unit.',
  })
  suggestedQuantity!: string;

  @Field(() => String, { description: 'Why the part is on the plan, in words.' })
  reason!: string;
}
