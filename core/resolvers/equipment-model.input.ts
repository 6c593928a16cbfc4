import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { CreateInputBase, UpdateInputBase } from '../api/mutation-inputs.js';
import { IsNotBlank } from '../api/validators.js';
import { Field, InputType, ObjectType } from 'type-graphql';
import { EquipmentCategory } from '../entities/enums.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';

@InputType('CreateEquipmentModelInput')
export class CreateEquipmentModelInput extends CreateInputBase {
  @Field(() => String)
  @IsNotBlank()
  @Length(1, 100)
  manufacturer!: string;

  @Field(() => String, { description: 'Unique per manufacturer.' })
  @IsNotBlank()
  @Length(1, 64)
  modelCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => EquipmentCategory)
  category!: EquipmentCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  serviceManualRef?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @MaxLength(300, { each: true })
  maintenanceItems?: string[];
}

@InputType('UpdateEquipmentModelInput')
export class UpdateEquipmentModelInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => EquipmentCategory, { nullable: true })
  @IsOptional()
  category?: EquipmentCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  serviceManualRef?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @MaxLength(300, { each: true })
  maintenanceItems?: string[];
}

@InputType('EquipmentModelFilter')
export class EquipmentModelFilter {
  @Field(() => EquipmentCategory, { nullable: true })
  category?: EquipmentCategory;

  @Field(() => String, { nullable: true })
  manufacturer?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Matches model code or name, ignoring case.',
  })
  @IsOptional()
  @MaxLength(200)
  text?: string;
}

@ObjectType('EquipmentModelPayload')
export class EquipmentModelPayload {
  @Field(() => EquipmentModel)
  equipmentModel!: EquipmentModel;
}
