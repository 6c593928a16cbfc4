import Big from 'big.js';
import type { RequestScope } from '../../../../core/index.js';
import type { RunAbcClassificationInput } from '../api/abc-classification.input.js';
import {
  AbcClassificationRun,
  type AbcClassTotals,
} from '../entities/abc-classification-run.entity.js';
import { AbcBasis, AbcClass } from '../entities/abc.enums.js';
import {
  aggregatePartConsumption,
  ledgerMonthSpan,
  type LedgerWindow,
  type PartConsumption,
} from './abc-consumption.js';
import { resolveAbcParameters, windowLengthInMonths } from './abc-parameters.js';
import { rankAbcClasses, type AbcRanking } from './abc-ranking.js';
import { insertAbcResults } from './abc-results-writer.js';

/** Returns a part's consumption in the basis of the run, as an exact decimal string. */
function basisOf(basis: AbcBasis, consumption: PartConsumption): string {
  switch (basis) {
    case AbcBasis.QUANTITY:
      return consumption.issuedQuantity;
    case AbcBasis.FREQUENCY:
      return String(consumption.issueMonths);
    case AbcBasis.VALUE:
      // An unknown cost counts as zero value; the run reports how many parts that affected.
      return consumption.unitCost === null
        ? '0'
        : new Big(consumption.issuedQuantity).times(consumption.unitCost).toString();
  }
}

function totalsByClass(rankings: AbcRanking[]): AbcClassTotals[] {
  return [AbcClass.A, AbcClass.B, AbcClass.C].map((abcClass) => {
    const members = rankings.filter((ranking) => ranking.abcClass === abcClass);
    return {
      abcClass,
      parts: members.length,
      basisTotal: members
        .reduce((sum, ranking) => sum.plus(ranking.basisValue), new Big(0))
        .toString(),
    };
  });
}

function warningsFor(basis: AbcBasis, consumptions: PartConsumption[]): string[] {
  const withoutCost = consumptions.filter((consumption) => consumption.unitCost === null).length;
  if (basis !== AbcBasis.VALUE || withoutCost === 0) return [];
  return [
    `${withoutCost} of ${consumptions.length} parts have no unit cost: their consumption value ` +
      'counts as 0, so they are class C unless the critical rule raises them. Set their unit ' +
      'costs, or classify by QUANTITY or FREQUENCY.',
  ];
}

/**
 * Runs an ABC classification of every catalogue part and stores it with its parameters and one
 * result per part.
 *
 * The number of SQL statements does not depend on the number of parts. One grouped query reads
 * the consumption, plus one for the ledger's span when `allMonths` is set. The run and all its
 * results are written with one insert each, in one transaction.
 */
export async function runAbcClassification(
  scope: RequestScope,
  input: RunAbcClassificationInput,
): Promise<AbcClassificationRun> {
  const parameters = resolveAbcParameters(input);
  const window: LedgerWindow = parameters.allMonths
    ? await ledgerMonthSpan(scope)
    : { start: parameters.windowStart, end: parameters.windowEnd };
  const consumptions = await aggregatePartConsumption(
    scope,
    parameters.allMonths ? { start: null, end: null } : window,
  );
  const byPartId = new Map(consumptions.map((consumption) => [consumption.partId, consumption]));
  const { rankings, total } = rankAbcClasses(
    consumptions.map((consumption) => ({
      partId: consumption.partId,
      partNumber: consumption.partNumber,
      basisValue: basisOf(parameters.basis, consumption),
      critical: consumption.critical,
    })),
    parameters,
  );

  const run = await scope.em.transactional(async (em) => {
    const created = em.create(AbcClassificationRun, {
      basis: parameters.basis,
      classifiedAt: parameters.classifiedAt,
      windowStart: window.start,
      windowEnd: window.end,
      allMonths: parameters.allMonths,
      windowMonths: window.start && window.end ? windowLengthInMonths(window.start, window.end) : 0,
      thresholdA: parameters.thresholdA,
      thresholdB: parameters.thresholdB,
      criticalMinimumClass: parameters.criticalMinimumClass,
      ranById: scope.principal.id,
      ranByName: scope.principal.name,
      partCount: rankings.length,
      totalBasis: total,
      partsWithoutCost: consumptions.filter((consumption) => consumption.unitCost === null).length,
      warnings: warningsFor(parameters.basis, consumptions),
      classTotals: totalsByClass(rankings),
    });
    await em.flush();
    await insertAbcResults(em, scope.isSqlite, created, rankings, byPartId);
    return created;
  });
  scope.logger.info(
    { runId: run.id, basis: run.basis, parts: run.partCount },
    'ABC classification stored',
  );
  return run;
}
