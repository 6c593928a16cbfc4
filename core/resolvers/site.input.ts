import { IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { CreateInputBase, UpdateInputBase } from '../api/mutation-inputs.js';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { IsTimeZone, IsNotBlank } from '../api/validators.js';
import { SiteKind } from '../entities/enums.js';
import { Site } from '../entities/site.entity.js';

@InputType('CreateSiteInput')
export class CreateSiteInput extends CreateInputBase {
  @Field(() => ID, { description: 'The customer the site belongs to.' })
  customerId!: string;

  @Field(() => String)
  @IsNotBlank()
  @Length(1, 200)
  name!: string;

  @Field(() => SiteKind)
  kind!: SiteKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone; UTC when omitted.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

@InputType('UpdateSiteInput')
export class UpdateSiteInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank()
  @Length(1, 200)
  name?: string;

  @Field(() => SiteKind, { nullable: true })
  @IsOptional()
  kind?: SiteKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  region?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

@InputType('SiteFilter')
export class SiteFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => SiteKind, { nullable: true })
  kind?: SiteKind;

  @Field(() => String, { nullable: true })
  region?: string;

  @Field(() => String, { nullable: true, description: 'Matches the name, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  text?: string;
}

@ObjectType('SitePayload')
export class SitePayload {
  @Field(() => Site)
  site!: Site;
}
