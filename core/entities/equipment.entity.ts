import { Entity, Enum, Index, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { Tenancy } from '../security/tenancy.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../api/scalars.js';
import { DecimalType } from '../database/decimal.type.js';
import { Customer } from './customer.entity.js';
import { EquipmentStatus } from './enums.js';
import { EquipmentModel } from './equipment-model.entity.js';
import { NodeEntity } from './node-entity.js';
import { Site } from './site.entity.js';

/** One reading of a meter other than running hours, such as pump strokes. */
@ObjectType('MeterReading')
export class MeterReading {
  @Field(() => String, { description: 'Meter name, such as "strokes".' })
  name!: string;

  @Field(() => DecimalScalar)
  value!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Unit of the value, such as "h" or "strokes".',
  })
  unit?: string | null;

  @Field(() => DateTimeScalar)
  readAt!: string;
}

/** A delivered unit, identified by its serial number: a rig, a mud pump, a top drive. */
@ObjectType('Equipment', { implements: Node })
@Entity({ tableName: 'equipment' })
@Tenancy({ owner: 'customer' })
export class Equipment extends NodeEntity {
  @Field(() => String, { description: 'Unique serial number, such as "MP-2024-0117".' })
  @Property({ type: 'string', length: 40, unique: true })
  serialNumber!: string;

  @ManyToOne(() => EquipmentModel, { ref: true, index: true })
  model!: Ref<EquipmentModel>;

  @ManyToOne(() => Customer, { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne(() => Site, { ref: true, nullable: true, index: true })
  site?: Ref<Site> | null;

  @ManyToOne(() => Equipment, { ref: true, nullable: true, index: true })
  parent?: Ref<Equipment> | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  commissionedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  warrantyEndsOn?: string | null;

  @Field(() => EquipmentStatus)
  @Index()
  @Enum({ items: () => EquipmentStatus, type: 'string' })
  status: Opt<EquipmentStatus> = EquipmentStatus.IN_SERVICE;

  @Field(() => DecimalScalar, { nullable: true })
  @Property({ type: new DecimalType(14, 1), nullable: true })
  runningHours?: string | null;

  @Field(() => [MeterReading])
  @Property({ type: 'json' })
  meterReadings: Opt<MeterReading[]> = [];

  @Field(() => Boolean, {
    description:
      'True when the record was made up for demo or imported data and names no real unit.',
  })
  @Property({ type: 'boolean' })
  isSynthetic: Opt<boolean> = false;
}
