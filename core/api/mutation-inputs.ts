import { IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_MESSAGE } from './validators.js';

// Bases of the create and update inputs. The schema shows only the subclasses, which inherit these
// fields; a base type is never referenced, so the schema leaves it out.

/** Fields every create input has. */
@InputType('CreateInputBase')
export abstract class CreateInputBase {
  @Field(() => String, {
    nullable: true,
    description:
      'Unique per request: a retry with the same key and input returns the first result and creates nothing.',
  })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY, { message: IDEMPOTENCY_KEY_MESSAGE })
  idempotencyKey?: string | null;
}

/** Fields every update input has: the record and the version the client read. */
@InputType('UpdateInputBase')
export abstract class UpdateInputBase {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    description: 'The version you read; the update is rejected when the record has changed since.',
  })
  version!: number;
}
