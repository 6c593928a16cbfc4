import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  DecimalScalar,
  DecimalType,
  HiddenFromCustomers,
  Node,
  NodeEntity,
  Tenancy,
  excludeFromAudit,
} from '../../../../core/index.js';
import { Part } from '../../entities/part.entity.js';
import { moneyType, quantityType } from '../../entities/spare-parts.decimals.js';
import { AbcClass } from './abc.enums.js';
import { AbcClassificationRun } from './abc-classification-run.entity.js';

/** One part's place in an ABC classification run, with the figures that explain its class. */
@ObjectType('AbcClassificationResult', { implements: Node })
@Entity({ tableName: 'spare_parts_abc_classification_result' })
@Tenancy({ internal: true })
@Unique({ properties: ['run', 'rank'] })
@Index({ properties: ['run', 'abcClass', 'rank'] })
@Index({ properties: ['part'] })
export class AbcClassificationResult extends NodeEntity {
  @ManyToOne(() => AbcClassificationRun, { ref: true })
  run!: Ref<AbcClassificationRun>;

  @ManyToOne(() => Part, { ref: true })
  part!: Ref<Part>;

  @Field(() => Int, {
    description: 'Position after sorting by basis descending, then part number ascending; 1 first.',
  })
  @Property({ type: 'integer' })
  rank!: number;

  @Field(() => DecimalScalar, {
    description: 'The part consumption in the basis of the run: value, quantity or months.',
  })
  // Text for the same reason as the run's totalBasis: exact with five decimals.
  @Property({ type: 'string', length: 48 })
  basisValue!: string;

  @Field(() => DecimalScalar, {
    description: 'Net issued quantity in the window: issues minus returns, at least 0.',
  })
  @Property({ type: quantityType() })
  issuedQuantity!: string;

  @Field(() => Int, { description: 'Calendar months (UTC) of the window with at least one issue.' })
  @Property({ type: 'integer' })
  issueMonths!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Unit cost the value basis used; null when unknown, and for customer API keys.',
  })
  @HiddenFromCustomers()
  @Property({ type: moneyType(), nullable: true })
  unitCost?: string | null;

  @Field(() => DecimalScalar, {
    description:
      'Cumulative share of the total basis, this part included, in percent. Rounded up to six ' +
      'decimals, so it compares with the thresholds as the exact share does.',
  })
  @Property({ type: new DecimalType(9, 6) })
  cumulativeShare!: string;

  @Field(() => AbcClass, { description: 'Class from the cumulative share alone.' })
  @Enum({ items: () => AbcClass, type: 'string' })
  rankedClass!: AbcClass;

  @Field(() => AbcClass, { description: 'Final class, after the critical rule.' })
  @Enum({ items: () => AbcClass, type: 'string' })
  abcClass!: AbcClass;

  @Field(() => Boolean, { description: 'Whether the critical rule raised the class.' })
  @Property({ type: 'boolean' })
  raisedByCriticalRule!: boolean;
}

// Results are written once, in bulk, with their run, which is itself audited.
excludeFromAudit(AbcClassificationResult);
