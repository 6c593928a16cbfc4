import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import Big from 'big.js';
import {
  Access,
  ConnectionArgs,
  connectionType,
  createOnce,
  DecimalScalar,
  findPage,
  loadReference,
  requireRecord,
  StaffRole,
  type RequestScope,
} from '../../../core/index.js';
import { Part } from '../entities/part.entity.js';
import { StocktakeLine } from '../entities/stocktake-line.entity.js';
import { Stocktake } from '../entities/stocktake.entity.js';
import { Warehouse } from '../entities/warehouse.entity.js';
import { linesByStocktake } from '../loaders/spare-parts.loaders.js';
import {
  bookAtCount,
  cancelStocktake,
  openStocktake,
  postStocktake,
  recordStocktakeCounts,
} from '../services/stocktake.service.js';
import {
  OpenStocktakeInput,
  RecordStocktakeCountsInput,
  StocktakeActionInput,
  StocktakePayload,
} from './stocktake.input.js';

export const StocktakeConnection = connectionType('Stocktake', Stocktake);

const COUNTERS = [StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN];

function isMatched(line: StocktakeLine): boolean {
  return line.countedQuantity !== null && line.countedQuantity !== undefined
    ? new Big(line.countedQuantity).eq(bookAtCount(line))
    : false;
}

@Resolver(() => Stocktake)
export class StocktakeResolver {
  @Access({ roles: 'any' })
  @Query(() => Stocktake, { nullable: true, description: 'A stocktake by its global ID.' })
  stocktake(@Ctx() scope: RequestScope, @Arg('id', () => ID) id: string) {
    return requireRecord(scope, Stocktake, id, 'id');
  }

  @Access({ roles: 'any' })
  @Query(() => StocktakeConnection, { description: 'Stocktakes, newest first.' })
  stocktakes(@Ctx() scope: RequestScope, @Args(() => ConnectionArgs) page: ConnectionArgs) {
    return findPage(scope, Stocktake, {}, { property: 'openedAt', direction: 'DESC' }, page);
  }

  @Access({ roles: COUNTERS })
  @Mutation(() => StocktakePayload, {
    description: 'Opens a stocktake of a warehouse and snapshots its book quantities.',
  })
  async openStocktake(
    @Ctx() scope: RequestScope,
    @Arg('input', () => OpenStocktakeInput) input: OpenStocktakeInput,
  ): Promise<StocktakePayload> {
    return {
      stocktake: await createOnce(scope, 'openStocktake', Stocktake, input, () =>
        openStocktake(scope, input),
      ),
    };
  }

  @Access({ roles: COUNTERS })
  @Mutation(() => StocktakePayload, { description: 'Records counts on an open stocktake.' })
  async recordStocktakeCounts(
    @Ctx() scope: RequestScope,
    @Arg('input', () => RecordStocktakeCountsInput) input: RecordStocktakeCountsInput,
  ): Promise<StocktakePayload> {
    return { stocktake: await recordStocktakeCounts(scope, input) };
  }

  @Access({ roles: [StaffRole.PARTS_CUSTODIAN, StaffRole.SERVICE_MANAGER] })
  @Mutation(() => StocktakePayload, {
    description:
      'OPEN → POSTED: writes an ADJUSTMENT of count − book at count time for each line that differs, so movements recorded after a count are kept. Every line must be counted and every difference explained.',
  })
  async postStocktake(
    @Ctx() scope: RequestScope,
    @Arg('input', () => StocktakeActionInput) input: StocktakeActionInput,
  ): Promise<StocktakePayload> {
    return { stocktake: await postStocktake(scope, input) };
  }

  @Access({ roles: COUNTERS })
  @Mutation(() => StocktakePayload, { description: 'OPEN → CANCELLED, adjusting nothing.' })
  async cancelStocktake(
    @Ctx() scope: RequestScope,
    @Arg('input', () => StocktakeActionInput) input: StocktakeActionInput,
  ): Promise<StocktakePayload> {
    return { stocktake: await cancelStocktake(scope, input) };
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Ctx() scope: RequestScope, @Root() stocktake: Stocktake) {
    return loadReference(scope, Warehouse, stocktake.warehouse);
  }

  @FieldResolver(() => [StocktakeLine])
  lines(@Ctx() scope: RequestScope, @Root() stocktake: Stocktake) {
    return scope.loader(linesByStocktake).load(stocktake.id);
  }

  @FieldResolver(() => Int, { description: 'Lines counted so far.' })
  async countedLineCount(@Ctx() scope: RequestScope, @Root() stocktake: Stocktake) {
    const lines = await scope.loader(linesByStocktake).load(stocktake.id);
    return lines.filter(
      (line) => line.countedQuantity !== null && line.countedQuantity !== undefined,
    ).length;
  }

  @FieldResolver(() => Int, {
    description: 'Counted lines whose count equals the book quantity at count time.',
  })
  async matchedLineCount(@Ctx() scope: RequestScope, @Root() stocktake: Stocktake) {
    return (await scope.loader(linesByStocktake).load(stocktake.id)).filter(isMatched).length;
  }

  @FieldResolver(() => DecimalScalar, {
    nullable: true,
    description:
      'Inventory accuracy (库存准确率): matched lines / counted lines, to four places; null before any count.',
  })
  async inventoryAccuracy(@Ctx() scope: RequestScope, @Root() stocktake: Stocktake) {
    const lines = await scope.loader(linesByStocktake).load(stocktake.id);
    const counted = lines.filter(
      (line) => line.countedQuantity !== null && line.countedQuantity !== undefined,
    );
    if (counted.length === 0) return null;
    return new Big(counted.filter(isMatched).length).div(counted.length).toFixed(4);
  }
}

@Resolver(() => StocktakeLine)
export class StocktakeLineResolver {
  @FieldResolver(() => Part)
  part(@Ctx() scope: RequestScope, @Root() line: StocktakeLine) {
    return loadReference(scope, Part, line.part);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the count equals the book quantity at count time.',
  })
  matched(@Root() line: StocktakeLine) {
    return isMatched(line);
  }
}
