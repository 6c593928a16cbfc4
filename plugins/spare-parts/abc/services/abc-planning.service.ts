import Big from 'big.js';
import {
  decimalFromStorage,
  requireRecord,
  toConnectionPage,
  type ConnectionArgs,
  type ConnectionPage,
  type RequestScope,
  decodeCursor,
  pageSize,
} from '../../../../core/index.js';
import { QUANTITY_SCALE } from '../../entities/spare-parts.decimals.js';
import { abcErrors } from '../abc-errors.js';
import type {
  AbcCycleCountPlan,
  AbcCycleCountPlanInput,
  AbcReorderSuggestion,
  AbcReorderSuggestionsInput,
} from '../api/abc-planning.input.js';
import { AbcClassificationRun } from '../entities/abc-classification-run.entity.js';
import { AbcClass } from '../entities/abc.enums.js';

const COVER = /^\d{1,3}(\.\d{1,2})?$/;
const DEFAULT_COVER_MONTHS: Record<AbcClass, string> = { A: '1', B: '2', C: '3' };
const DEFAULT_INTERVAL_MONTHS: Record<AbcClass, number> = { A: 3, B: 6, C: 12 };
const CLASSES = [AbcClass.A, AbcClass.B, AbcClass.C];
const RANK_ORDER = { property: 'rank', direction: 'ASC' } as const;

/** Loads the run of `runId`, or the most recent run; BAD_USER_INPUT when there is none. */
export async function runForPlanning(
  scope: RequestScope,
  runId: string | null | undefined,
): Promise<AbcClassificationRun> {
  if (runId) return requireRecord(scope, AbcClassificationRun, runId, 'input.runId');
  const [latest] = await scope.em.find(
    AbcClassificationRun,
    {},
    { orderBy: { createdAt: 'DESC', id: 'DESC' }, limit: 1 },
  );
  if (!latest) throw abcErrors.noRun();
  return latest;
}

function coverMonths(input: AbcReorderSuggestionsInput): Record<AbcClass, Big> {
  const fields = { A: input.coverMonthsA, B: input.coverMonthsB, C: input.coverMonthsC };
  const result = {} as Record<AbcClass, Big>;
  for (const abcClass of CLASSES) {
    const value = fields[abcClass] ?? DEFAULT_COVER_MONTHS[abcClass];
    if (!COVER.test(value) || new Big(value).gt(120)) {
      throw abcErrors.coverMonthsOutOfRange(`input.coverMonths${abcClass}`, value);
    }
    result[abcClass] = new Big(value);
  }
  return result;
}

/**
 * Suggests what to order, per part of a run, in rank order. The target stock of a part is its
 * average monthly demand in the run window (net issued quantity / window months) times the cover
 * months of its class, plus its safety stock. A part whose on-hand stock over all warehouses is
 * below the target gets the difference, rounded up to whole units; other parts are left out.
 * One statement reads the run's results with each part's on-hand stock.
 */
export async function suggestAbcReorders(
  scope: RequestScope,
  input: AbcReorderSuggestionsInput,
  args: ConnectionArgs,
): Promise<ConnectionPage<AbcReorderSuggestion>> {
  const cover = coverMonths(input);
  const size = pageSize(args.first);
  const cursor = args.after ? decodeCursor(args.after, 'after', 'number') : null;
  const run = await runForPlanning(scope, input.runId);
  const sqlite = scope.isSqlite;
  const parameters: string[] = [run.id];
  if (input.abcClass) parameters.push(input.abcClass);
  const rows = (await scope.em.getConnection().execute(
    `select r.id, r.rank, r.part_id, r.abc_class, r.issued_quantity, p.safety_stock,
            coalesce(s.on_hand, 0) as on_hand
       from spare_parts_abc_classification_result r
       join spare_parts_part p on p.id = r.part_id
       left join (select m.part_id, sum(m.quantity) as on_hand
                    from spare_parts_stock_movement m group by m.part_id) s
              on s.part_id = r.part_id
      where r.run_id = ?${input.abcClass ? ' and r.abc_class = ?' : ''}
      order by r.rank`,
    parameters,
  )) as {
    id: string;
    rank: number | string;
    part_id: string;
    abc_class: AbcClass;
    issued_quantity: string | number;
    safety_stock: string | number;
    on_hand: string | number;
  }[];

  const quantity = (value: string | number) =>
    new Big(decimalFromStorage(value, QUANTITY_SCALE, sqlite));
  const suggestions: AbcReorderSuggestion[] = [];
  for (const row of rows) {
    const average =
      run.windowMonths > 0 ? quantity(row.issued_quantity).div(run.windowMonths) : new Big(0);
    const safetyStock = quantity(row.safety_stock);
    const target = average.times(cover[row.abc_class]).plus(safetyStock);
    const onHand = quantity(row.on_hand);
    const shortfall = target.minus(onHand).round(0, Big.roundUp);
    if (shortfall.lte(0)) continue;
    suggestions.push({
      id: row.id,
      partId: row.part_id,
      abcClass: row.abc_class,
      rank: Number(row.rank),
      averageMonthlyDemand: average.toFixed(QUANTITY_SCALE, Big.roundHalfUp),
      coverMonths: cover[row.abc_class].toString(),
      safetyStock: safetyStock.toFixed(QUANTITY_SCALE),
      targetStock: target.toFixed(QUANTITY_SCALE, Big.roundHalfUp),
      onHand: onHand.toFixed(QUANTITY_SCALE),
      suggestedQuantity: shortfall.toFixed(0),
    });
  }

  // Ranks are unique within a run, so the rank alone places the cursor.
  const remaining = cursor
    ? suggestions.filter((suggestion) => suggestion.rank > Number(cursor.value))
    : suggestions;
  return toConnectionPage(
    remaining.slice(0, size + 1),
    size,
    RANK_ORDER,
    Boolean(cursor),
    async () => suggestions.length,
  );
}

/** Validates the count intervals and returns them per class. */
function intervalMonths(input: AbcCycleCountPlanInput): Record<AbcClass, number> {
  const fields = { A: input.intervalMonthsA, B: input.intervalMonthsB, C: input.intervalMonthsC };
  const result = {} as Record<AbcClass, number>;
  for (const abcClass of CLASSES) {
    const months = fields[abcClass] ?? DEFAULT_INTERVAL_MONTHS[abcClass];
    if (!Number.isInteger(months) || months < 1 || months > 120) {
      throw abcErrors.intervalMonthsOutOfRange(`input.intervalMonths${abcClass}`, months);
    }
    result[abcClass] = months;
  }
  return result;
}

/**
 * Plans cycle counts (循环盘点) from the class sizes of a run: each part of a class is counted
 * once per interval (A quarterly, B twice a year, C yearly by default), spread evenly over the
 * months of the interval.
 */
export async function planAbcCycleCounts(
  scope: RequestScope,
  input: AbcCycleCountPlanInput,
): Promise<AbcCycleCountPlan> {
  const intervals = intervalMonths(input);
  const run = await runForPlanning(scope, input.runId);
  const classes = CLASSES.map((abcClass) => {
    const parts = run.classTotals.find((totals) => totals.abcClass === abcClass)?.parts ?? 0;
    const months = intervals[abcClass];
    return {
      abcClass,
      intervalMonths: months,
      parts,
      countsPerYear: new Big(parts).times(12).div(months).toFixed(2),
      partsPerMonth: Math.ceil(parts / months),
    };
  });
  const countsPerYear = classes.reduce(
    (sum, entry) => sum.plus(new Big(entry.parts).times(12).div(entry.intervalMonths)),
    new Big(0),
  );
  return {
    run,
    classes,
    countsPerYear: countsPerYear.toFixed(2),
    partsPerMonth: classes.reduce((sum, entry) => sum + entry.partsPerMonth, 0),
  };
}
