import { Entity, Enum, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../api/node.js';
import { Tenancy } from '../security/tenancy.js';
import { EquipmentCategory } from './enums.js';
import { NodeEntity } from './node-entity.js';

/** A product line that units are built to, with its service documentation. */
@ObjectType('EquipmentModel', { implements: Node })
@Entity({ tableName: 'equipment_model' })
@Tenancy({ shared: true })
@Unique({ properties: ['manufacturer', 'modelCode'] })
export class EquipmentModel extends NodeEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  manufacturer!: string;

  @Field(() => String, { description: 'Model code, unique per manufacturer, such as "F-1600".' })
  @Property({ type: 'string', length: 64 })
  modelCode!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  name?: string | null;

  @Field(() => EquipmentCategory)
  @Enum({ items: () => EquipmentCategory, type: 'string' })
  category!: EquipmentCategory;

  @Field(() => String, {
    nullable: true,
    description: 'Document number or link of the service manual.',
  })
  @Property({ type: 'string', length: 300, nullable: true })
  serviceManualRef?: string | null;

  @Field(() => [String], { description: 'Maintenance items the manufacturer recommends.' })
  @Property({ type: 'json' })
  maintenanceItems: Opt<string[]> = [];
}
