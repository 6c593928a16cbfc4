import {
  ArrayMaxSize,
  IsEmail,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CreateInputBase, UpdateInputBase } from '../api/mutation-inputs.js';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { BUSINESS_CODE, BUSINESS_CODE_MESSAGE, IsNotBlank } from '../api/validators.js';
import { Customer } from '../entities/customer.entity.js';
import { CustomerKind, SortDirectionEnum } from '../entities/enums.js';

@InputType('CustomerContactInput')
export class CustomerContactInput {
  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  role?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number such as "+86 10 5555 0101"' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address such as "ops@example.com"' })
  email?: string | null;
}

@InputType('CreateCustomerInput')
export class CreateCustomerInput extends CreateInputBase {
  @Field(() => String, {
    description: 'Unique business code: uppercase letters, digits and hyphens.',
  })
  @Matches(BUSINESS_CODE, { message: BUSINESS_CODE_MESSAGE })
  code!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => CustomerKind)
  kind!: CustomerKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  address?: string | null;

  @Field(() => [CustomerContactInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  contacts?: CustomerContactInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  notes?: string | null;
}

@InputType('UpdateCustomerInput')
export class UpdateCustomerInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @Length(1, 200)
  name?: string;

  @Field(() => CustomerKind, { nullable: true })
  @IsOptional()
  kind?: CustomerKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  address?: string | null;

  @Field(() => [CustomerContactInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested()
  contacts?: CustomerContactInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(10000)
  notes?: string | null;
}

@InputType('CustomerFilter')
export class CustomerFilter {
  @Field(() => String, { nullable: true, description: 'Matches code or name, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  text?: string;

  @Field(() => CustomerKind, { nullable: true })
  kind?: CustomerKind;

  @Field(() => String, { nullable: true })
  region?: string;
}

export enum CustomerSortField {
  CODE = 'code',
  NAME = 'name',
  CREATED_AT = 'createdAt',
}

@InputType('CustomerOrder')
export class CustomerOrder {
  @Field(() => CustomerSortField)
  field!: CustomerSortField;

  @Field(() => SortDirectionEnum, { defaultValue: SortDirectionEnum.ASC })
  direction: SortDirectionEnum = SortDirectionEnum.ASC;
}

@ObjectType('CustomerPayload')
export class CustomerPayload {
  @Field(() => Customer)
  customer!: Customer;
}

registerEnumType(CustomerSortField, { name: 'CustomerSortField' });
