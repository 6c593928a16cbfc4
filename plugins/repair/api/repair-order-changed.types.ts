import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { createUnionType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../core/index.js';
import { RepairOrderStatus } from '../entities/repair-order.enums.js';

@InputType('RepairOrderChangedFilter', {
  description: 'Which repair order changes to deliver. Every given condition must match.',
})
export class RepairOrderChangedFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  equipmentId?: string | null;

  @Field(() => [RepairOrderStatus], {
    nullable: true,
    description: 'Statuses the order has after the change.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  statuses?: RepairOrderStatus[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Urgencies the order has after the change, such as "EMERGENCY".',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @MaxLength(32, { each: true })
  urgencies?: string[] | null;
}

/** One committed change of a repair order. */
@ObjectType('RepairOrderChangedEvent', {
  description: 'A committed change of a repair order, in the order the changes committed.',
})
export class RepairOrderChangedEvent {
  @Field(() => ID, {
    description:
      'Position in the change log; pass the last one received as `after` to resume. Ids increase but may skip numbers.',
  })
  eventId!: string;

  @Field(() => String, { description: 'The step, such as "report" or "dispatch".' })
  kind!: string;

  @Field(() => RepairOrderStatus, { nullable: true, description: 'Null for a new order.' })
  from!: RepairOrderStatus | null;

  @Field(() => RepairOrderStatus)
  to!: RepairOrderStatus;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  /** Key of the changed order; `repairOrder` loads it in the event's scope. */
  orderId!: string;
}

/** Notice that some changes after the requested position were deleted and cannot be replayed. */
@ObjectType('RepairOrderEventsGap', {
  description:
    'Sent first when `after` is older than the retained log: the changes between `after` and `deletedThroughEventId` are gone. Reload the orders you show, then continue with the events that follow.',
})
export class RepairOrderEventsGap {
  @Field(() => ID, { description: 'The `after` argument of the subscription.' })
  after!: string;

  @Field(() => ID, { description: 'Highest deleted event id. The replay continues after it.' })
  deletedThroughEventId!: string;

  @Field(() => String)
  message!: string;
}

export const RepairOrderChange = createUnionType({
  name: 'RepairOrderChange',
  description: 'A change of a repair order, or a notice that changes were lost to retention.',
  types: () => [RepairOrderChangedEvent, RepairOrderEventsGap] as const,
  resolveType: (value) =>
    value instanceof RepairOrderEventsGap ? RepairOrderEventsGap : RepairOrderChangedEvent,
});
