import { DateTimeType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import {
  DateTimeScalar,
  DecimalScalar,
  DecimalType,
  Node,
  NodeEntity,
  Tenancy,
} from '../../../../core/index.js';
import { AbcBasis, AbcClass } from './abc.enums.js';

/** Parts and consumption of one class in a run, stored with the run. */
export interface AbcClassTotals {
  abcClass: AbcClass;
  parts: number;
  /** Sum of the basis of the class's parts, as an exact decimal string. */
  basisTotal: string;
}

/**
 * One ABC classification (ABC分类法) with every parameter it used, so that each part's class can
 * be explained later from the run and its stored results.
 */
@ObjectType('AbcClassificationRun', { implements: Node })
@Entity({ tableName: 'spare_parts_abc_classification_run' })
@Tenancy({ internal: true })
@Index({ properties: ['createdAt'] })
export class AbcClassificationRun extends NodeEntity {
  @Field(() => AbcBasis)
  @Enum({ items: () => AbcBasis, type: 'string' })
  basis!: AbcBasis;

  @Field(() => DateTimeScalar, {
    description: 'Classification date: the default window ends here.',
  })
  @Property({ type: DateTimeType })
  classifiedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Start of the window, inclusive. For a run over all months, the first instant of the ' +
      'first month with an issue or return; null when the ledger had none.',
  })
  @Property({ type: DateTimeType, nullable: true })
  windowStart?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'End of the window, exclusive. For a run over all months, the first instant after the ' +
      'last month with an issue or return; null when the ledger had none.',
  })
  @Property({ type: DateTimeType, nullable: true })
  windowEnd?: Date | null;

  @Field(() => Boolean, { description: 'Whether the run read the whole ledger.' })
  @Property({ type: 'boolean' })
  allMonths!: boolean;

  @Field(() => Int, {
    description:
      'Length of the window in months (days / 30.436875, rounded, at least 1; 0 for an empty ' +
      'ledger). Reorder suggestions divide the issued quantity by it.',
  })
  @Property({ type: 'integer' })
  windowMonths!: number;

  @Field(() => DecimalScalar, { description: 'Highest cumulative share of class A, in percent.' })
  @Property({ type: new DecimalType(7, 4) })
  thresholdA!: string;

  @Field(() => DecimalScalar, { description: 'Highest cumulative share of class B, in percent.' })
  @Property({ type: new DecimalType(7, 4) })
  thresholdB!: string;

  @Field(() => AbcClass, {
    description: 'Lowest class of a critical part; C means the critical flag was ignored.',
  })
  @Enum({ items: () => AbcClass, type: 'string' })
  criticalMinimumClass!: AbcClass;

  @Field(() => String, { description: 'ID of the principal who ran the classification.' })
  @Property({ type: 'string', length: 200 })
  ranById!: string;

  @Field(() => String, { description: 'Name of the principal who ran the classification.' })
  @Property({ type: 'string', length: 200 })
  ranByName!: string;

  @Field(() => Int, { description: 'Parts classified: every part in the catalogue.' })
  @Property({ type: 'integer' })
  partCount!: number;

  @Field(() => DecimalScalar, { description: 'Sum of the basis over all parts.' })
  // Text keeps the value basis exact: it has five decimals (quantity times cost) and may exceed
  // the 15 digits that DecimalType stores exactly on SQLite.
  @Property({ type: 'string', length: 48 })
  totalBasis!: string;

  @Field(() => Int, {
    description:
      'Parts without a unit cost. Under basis VALUE their consumption value counts as 0, so ' +
      'they are class C unless the critical rule raises them.',
  })
  @Property({ type: 'integer' })
  partsWithoutCost!: number;

  @Field(() => [String], {
    description: 'Notes on how the data affected the run, such as parts without a unit cost.',
  })
  @Property({ type: 'json' })
  warnings!: string[];

  /** Parts and basis per class, in class order A, B, C. */
  @Property({ type: 'json' })
  classTotals!: AbcClassTotals[];
}
