import { Collection, Entity, ManyToMany, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DecimalScalar,
  EquipmentModel,
  HiddenFromCustomers,
  Node,
  NodeEntity,
  Tenancy,
} from '../../../core/index.js';
import { PartCompatibleModel } from './part-compatible-model.entity.js';
import { moneyType, quantityType } from './spare-parts.decimals.js';

/**
 * A spare part (配件) in the catalogue. The catalogue is shared, so a partner can read the parts
 * fitted on its own repair orders, but never their cost: stock, costs and purchasing are internal.
 */
@ObjectType('Part', { implements: Node })
@Entity({ tableName: 'spare_parts_part' })
@Tenancy({ shared: true })
export class Part extends NodeEntity {
  @Field(() => String, { description: 'Unique part number, such as "MP-F1600-VS-05".' })
  @Property({ type: 'string', length: 64, unique: true })
  partNumber!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Technical specification (规格).' })
  @Property({ type: 'text', nullable: true })
  specification?: string | null;

  @Field(() => String, { nullable: true, description: 'Model or type designation (型号).' })
  @Property({ type: 'string', length: 100, nullable: true })
  model?: string | null;

  @Field(() => String, { description: 'Unit of measure, such as "EA", "KG" or "L".' })
  @Property({ type: 'string', length: 16, default: 'EA' })
  unitOfMeasure: Opt<string> = 'EA';

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Standard unit cost; null when unknown, and for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: moneyType(), nullable: true })
  unitCost?: string | null;

  @Field(() => Boolean, {
    description: 'Whether the part came from an import that had no cost for it.',
  })
  @Property({ type: 'boolean', default: false })
  importedWithoutCost: Opt<boolean> = false;

  @Field(() => Boolean, { description: 'Whether a shortage of this part stops equipment.' })
  @Property({ type: 'boolean', default: false })
  critical: Opt<boolean> = false;

  @Field(() => Boolean, {
    description: 'Whether issuing the part needs the parts custodian to confirm (贵重件).',
  })
  @Property({ type: 'boolean', default: false })
  valuable: Opt<boolean> = false;

  @Field(() => DecimalScalar, {
    description:
      'Available quantity across all warehouses at or below which the part is reordered; 0 turns reordering off.',
  })
  @Property({ type: quantityType(), default: 0 })
  reorderPoint: Opt<string> = '0.000';

  @Field(() => DecimalScalar, {
    description: 'Quantity across all warehouses kept against late deliveries and demand peaks.',
  })
  @Property({ type: quantityType(), default: 0 })
  safetyStock: Opt<string> = '0.000';

  // An explicit pivot entity, because every table needs a tenancy rule.
  @ManyToMany({
    entity: () => EquipmentModel,
    pivotEntity: () => PartCompatibleModel,
    joinColumn: 'part_id',
    inverseJoinColumn: 'equipment_model_id',
  })
  compatibleModels = new Collection<EquipmentModel>(this);
}
