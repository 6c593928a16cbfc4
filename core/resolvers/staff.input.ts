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
import { Field, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../api/scalars.js';
import { BUSINESS_CODE, BUSINESS_CODE_MESSAGE, IsNotBlank } from '../api/validators.js';
import { Department, StaffRole } from '../entities/enums.js';
import { Staff } from '../entities/staff.entity.js';

@InputType('StaffCertificateInput')
export class StaffCertificateInput {
  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  number?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validUntil?: string | null;
}

@InputType('CreateStaffInput')
export class CreateStaffInput extends CreateInputBase {
  @Field(() => String, {
    description: 'Unique employee number: uppercase letters, digits and hyphens.',
  })
  @Matches(BUSINESS_CODE, { message: BUSINESS_CODE_MESSAGE })
  employeeNumber!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => Department)
  department!: Department;

  @Field(() => [StaffRole], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  roles?: StaffRole[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  skills?: string[];

  @Field(() => [StaffCertificateInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested()
  certificates?: StaffCertificateInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  baseRegion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address such as "li.wei@example.com"' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number such as "+86 10 5555 0101"' })
  phone?: string | null;
}

@InputType('UpdateStaffInput')
export class UpdateStaffInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @Length(1, 200)
  name?: string;

  @Field(() => Department, { nullable: true })
  @IsOptional()
  department?: Department;

  @Field(() => [StaffRole], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  roles?: StaffRole[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  skills?: string[];

  @Field(() => [StaffCertificateInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested()
  certificates?: StaffCertificateInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  baseRegion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address such as "li.wei@example.com"' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'must be a phone number such as "+86 10 5555 0101"' })
  phone?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False when the person has left or is inactive.',
  })
  active?: boolean;
}

@InputType('StaffFilter')
export class StaffFilter {
  @Field(() => Department, { nullable: true })
  department?: Department;

  @Field(() => StaffRole, { nullable: true })
  role?: StaffRole;

  @Field(() => String, { nullable: true })
  baseRegion?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Matches employee number or name, ignoring case.',
  })
  @IsOptional()
  @MaxLength(200)
  text?: string;
}

@ObjectType('StaffPayload')
export class StaffPayload {
  @Field(() => Staff)
  staff!: Staff;
}
