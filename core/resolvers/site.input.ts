import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, Int } from 'type-graphql';
import { IsTimeZone, IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_MESSAGE } from '../api/validators.js';
import { SiteKind } from '../entities/enums.js';
import { Site } from '../entities/site.entity.js';

@InputType('CreateSiteInput')
export class CreateSiteInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Unique per request: a retry with the same key and input returns the first result and creates nothing.',
  })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY, { message: IDEMPOTENCY_KEY_MESSAGE })
  idempotencyKey?: string | null;

  @Field(() => ID, { description: 'The customer the site belongs to.' })
  customerId!: string;

  @Field(() => String)
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
export class UpdateSiteInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the update is refused when the record has changed since.',
  })
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
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
