import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../core/api/global-id.js';
import { Customer } from '../../core/entities/customer.entity.js';
import { CustomerKind, EquipmentStatus, StaffRole } from '../../core/entities/enums.js';
import { Equipment } from '../../core/entities/equipment.entity.js';
import { ApiScope, type Principal } from '../../core/security/principal.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import {
  RepairOrderStatus,
  RepairOrderType,
} from '../../plugins/repair/entities/repair-order.enums.js';
import { EXCAVATOR_CUSTOMER_CODE } from '../../plugins/repair/import/excavator-import.js';
import { EXCAVATOR_DATA_DIR } from '../../plugins/repair/import/excavator-csv.js';
import { importExcavatorHistory } from '../../plugins/repair/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface SourceRow {
  date: string;
  asset: string;
  system: string | null;
}

/**
 * Reads both CSV files independently of the importer. Records are paired by position, and the
 * raw record with a shifted column (line 3454, PMType "t swing") is left out, as the importer
 * rejects it.
 */
function readSource(): SourceRow[] {
  const read = (file: string) =>
    parse(readFileSync(join(EXCAVATOR_DATA_DIR, file), 'utf8'), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
  const [, ...raw] = read('excavators.csv');
  const [header, ...cleaned] = read('excavators-cleaned.csv');
  const systemColumn = header.indexOf('MajorSystem');
  return raw.flatMap((record, index) => {
    if (record[3] === 't swing' || record.length !== 5) return [];
    const system = cleaned[index][systemColumn];
    return [
      {
        date: record[0],
        asset: record[1],
        system: system === 'NA' || system === '' ? null : system,
      },
    ];
  });
}

function countBy<T>(rows: T[], key: (row: T) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

interface AnalysisRow {
  key: string | null;
  failures: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  meanTimeBetweenFailuresHours: number | null;
  meanTimeToRepairHours: number | null;
}

interface Analysis {
  repairFailureAnalysis: { rows: AnalysisRow[]; totals: Omit<AnalysisRow, 'key'> };
}

const FIGURES =
  'failures firstReportedAt lastReportedAt meanTimeBetweenFailuresHours meanTimeToRepairHours';
const ANALYSIS = `query($input: RepairFailureAnalysisInput!) {
  repairFailureAnalysis(input: $input) { rows { key ${FIGURES} } totals { ${FIGURES} } }
}`;

const FULL_PERIOD = { from: '2001-01-01T00:00:00Z', to: '2014-01-01T00:00:00Z' };

function staff(role: StaffRole): Principal {
  return {
    kind: 'staff',
    id: `staff:test-${role.toLowerCase()}`,
    name: `test ${role.toLowerCase()}`,
    roles: [role],
    scopes: [ApiScope.READ, ApiScope.WRITE],
  };
}

function partner(customerId: string): Principal {
  return {
    kind: 'api-client',
    id: `api-client:partner-${customerId}`,
    name: 'partner key',
    roles: [],
    scopes: [ApiScope.READ],
    customerId,
  };
}

describe.skipIf(!databaseAvailable)('repair failure analysis', () => {
  let service: TestService;
  const source = readSource();
  let fleetCustomerId: string;
  let otherCustomerId: string;

  async function analyse(
    input: Record<string, unknown>,
    principal?: Principal,
  ): Promise<{ analysis: Analysis['repairFailureAnalysis']; statements: number }> {
    const { result, statements } = await service.run<Analysis>(ANALYSIS, { input }, principal);
    expect(result.errors).toBeUndefined();
    return { analysis: result.data!.repairFailureAnalysis, statements };
  }

  beforeAll(async () => {
    service = await startTestService();
    await service.runtime.runAsSystem((scope) => importExcavatorHistory(scope));
    // A second customer with one repaired unit, for the tenant filter and for MTTR.
    const ids = await service.runtime.runAsSystem(async (scope) => {
      const fleet = await scope.em.findOneOrFail(Customer, { code: EXCAVATOR_CUSTOMER_CODE });
      const model = (await scope.em.findOneOrFail(Equipment, { serialNumber: 'EXC-A' })).model;
      const customer = scope.em.create(Customer, {
        code: 'FA-OTHER',
        name: 'Other operator',
        kind: CustomerKind.OPERATOR,
      });
      const unit = scope.em.create(Equipment, {
        serialNumber: 'FA-PUMP-1',
        model,
        customer,
        status: EquipmentStatus.IN_SERVICE,
      });
      const order = (day: string, completedAt: Date | null, status: RepairOrderStatus) =>
        scope.em.create(RepairOrder, {
          number: `FA-${day}`,
          equipment: unit,
          customer,
          reportedAt: new Date(`${day}T08:00:00Z`),
          faultDescription: 'Pump pressure low',
          orderType: RepairOrderType.CORRECTIVE_REPAIR,
          status,
          tagSystem: 'Hydraulic System',
          completedAt,
        });
      order('2010-03-01', new Date('2010-03-01T20:00:00Z'), RepairOrderStatus.AWAITING_ACCEPTANCE);
      order('2010-03-11', new Date('2010-03-12T08:00:00Z'), RepairOrderStatus.CLOSED);
      order('2010-03-20', null, RepairOrderStatus.CANCELLED);
      await scope.em.flush();
      return { fleet: fleet.id, other: customer.id };
    });
    fleetCustomerId = ids.fleet;
    otherCustomerId = ids.other;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('counts failures per unit as the CSV does', async () => {
    const { analysis } = await analyse({ groupBy: 'EQUIPMENT', ...FULL_PERIOD });
    const expected = countBy(source, (row) => `EXC-${row.asset}`);
    expected.set('FA-PUMP-1', 2);
    const actual = new Map(analysis.rows.map((row) => [row.key, row.failures]));
    expect(actual).toEqual(expected);
    expect(analysis.totals.failures).toBe(source.length + 2);
  });

  it('counts failures per system as the CSV does', async () => {
    const { analysis } = await analyse(
      { groupBy: 'SYSTEM', ...FULL_PERIOD },
      partner(fleetCustomerId),
    );
    const expected = countBy(source, (row) => row.system);
    const actual = new Map(analysis.rows.map((row) => [row.key, row.failures]));
    expect(actual).toEqual(expected);
    expect(actual.get(null)).toBeGreaterThan(0);
  });

  it('counts only the period requested', async () => {
    const { analysis } = await analyse({
      groupBy: 'EQUIPMENT',
      from: '2005-01-01T00:00:00Z',
      to: '2007-01-01T00:00:00Z',
    });
    const inPeriod = source.filter((row) => row.date >= '2005-01-01' && row.date < '2007-01-01');
    const expected = countBy(inPeriod, (row) => `EXC-${row.asset}`);
    const actual = new Map(analysis.rows.map((row) => [row.key, row.failures]));
    expect(actual).toEqual(expected);
    expect(analysis.totals.failures).toBeLessThan(source.length);
  });

  it('computes MTBF of one unit from its dates', async () => {
    const { analysis } = await analyse({ groupBy: 'EQUIPMENT', ...FULL_PERIOD });
    const dates = source
      .filter((row) => row.asset === 'B')
      .map((row) => Date.parse(`${row.date}T12:00:00Z`))
      .sort((a, b) => a - b);
    const expectedHours = (dates.at(-1)! - dates[0]) / 3_600_000 / (dates.length - 1);
    const unit = analysis.rows.find((row) => row.key === 'EXC-B')!;
    expect(unit.meanTimeBetweenFailuresHours).toBeCloseTo(expectedHours, 6);
    expect(new Date(unit.firstReportedAt!).toISOString()).toBe(new Date(dates[0]).toISOString());
    expect(new Date(unit.lastReportedAt!).toISOString()).toBe(
      new Date(dates.at(-1)!).toISOString(),
    );
    expect(unit.meanTimeToRepairHours).toBeNull();
  });

  it('computes MTTR from completed orders', async () => {
    const { analysis } = await analyse(
      { groupBy: 'EQUIPMENT', ...FULL_PERIOD },
      partner(otherCustomerId),
    );
    expect(analysis.rows).toHaveLength(1);
    const [unit] = analysis.rows;
    expect(unit.key).toBe('FA-PUMP-1');
    // The cancelled order does not count. The two repairs took 12 and 24 hours.
    expect(unit.failures).toBe(2);
    expect(unit.meanTimeToRepairHours).toBeCloseTo(18, 6);
    expect(unit.meanTimeBetweenFailuresHours).toBeCloseTo(240, 6);
  });

  it('limits a partner key to its customer', async () => {
    const { analysis } = await analyse(
      { groupBy: 'EQUIPMENT_MODEL', ...FULL_PERIOD },
      partner(otherCustomerId),
    );
    expect(analysis.totals.failures).toBe(2);
    const fleet = await analyse(
      { groupBy: 'EQUIPMENT_MODEL', ...FULL_PERIOD },
      partner(fleetCustomerId),
    );
    expect(fleet.analysis.totals.failures).toBe(source.length);
  });

  it('filters by order type', async () => {
    const { analysis } = await analyse({
      groupBy: 'EQUIPMENT_MODEL',
      ...FULL_PERIOD,
      orderTypes: ['PART_REPLACEMENT'],
    });
    const raw = parse(readFileSync(join(EXCAVATOR_DATA_DIR, 'excavators.csv'), 'utf8'), {
      relax_column_count: true,
    }) as string[][];
    expect(analysis.totals.failures).toBe(raw.filter((record) => record[3] === 'PM02').length);
  });

  it('issues one statement per grouping', async () => {
    const counts = new Set<number>();
    for (const groupBy of ['EQUIPMENT_MODEL', 'EQUIPMENT', 'SYSTEM', 'PART', 'FAILURE_MODE']) {
      const { statements } = await analyse({ groupBy, ...FULL_PERIOD });
      counts.add(statements);
    }
    expect([...counts]).toEqual([1]);
  });

  it('rejects a reversed period', async () => {
    const { result } = await service.run(ANALYSIS, {
      input: { groupBy: 'SYSTEM', from: FULL_PERIOD.to, to: FULL_PERIOD.from },
    });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('escalation', () => {
    const ESCALATE = `mutation($input: EscalateRepairOrderInput!) {
      escalateRepairOrder(input: $input) {
        repairOrder { id version status }
        escalation { id version status question askedBy }
      }
    }`;
    const ANSWER = `mutation($input: AnswerRepairEscalationInput!) {
      answerRepairEscalation(input: $input) {
        escalation { id version status answer answeredBy answeredAt }
      }
    }`;

    let orderCount = 0;

    async function createOrder(status: RepairOrderStatus): Promise<{ id: string }> {
      return service.runtime.runAsSystem(async (scope) => {
        const unit = await scope.em.findOneOrFail(Equipment, { serialNumber: 'FA-PUMP-1' });
        const order = scope.em.create(RepairOrder, {
          number: `FA-ESC-${(orderCount += 1)}`,
          equipment: unit,
          customer: unit.customer,
          reportedAt: new Date(),
          faultDescription: 'Intermittent pressure drop',
          orderType: RepairOrderType.CORRECTIVE_REPAIR,
          status,
        });
        await scope.em.flush();
        return { id: order.globalId };
      });
    }

    it('records a question and an answer', async () => {
      const order = await createOrder(RepairOrderStatus.DIAGNOSED);
      const asked = await service.run<{
        escalateRepairOrder: {
          repairOrder: { id: string; version: number; status: string };
          escalation: { id: string; version: number; status: string; askedBy: string };
        };
      }>(
        ESCALATE,
        { input: { id: order.id, version: 1, question: 'Valve seat wear pattern unclear?' } },
        staff(StaffRole.TECHNICIAN),
      );
      expect(asked.result.errors).toBeUndefined();
      const payload = asked.result.data!.escalateRepairOrder;
      expect(payload.repairOrder.status).toBe('DIAGNOSED');
      expect(payload.repairOrder.version).toBe(2);
      expect(payload.escalation.status).toBe('OPEN');
      expect(payload.escalation.askedBy).toBe('test technician');

      const events = await service.runtime.runAsSystem((scope) =>
        scope.em
          .getConnection()
          .execute(
            'select kind, from_status, to_status from repair_order_event where order_id = ?',
            [fromGlobalId(order.id, 'id').id],
          ),
      );
      expect(events).toEqual([
        { kind: 'escalate', from_status: 'DIAGNOSED', to_status: 'DIAGNOSED' },
      ]);

      const answered = await service.run<{
        answerRepairEscalation: {
          escalation: { status: string; answer: string; answeredBy: string; answeredAt: string };
        };
      }>(
        ANSWER,
        {
          input: { id: payload.escalation.id, version: 1, answer: 'Replace the seat and spring.' },
        },
        staff(StaffRole.SUPPORT_ENGINEER),
      );
      expect(answered.result.errors).toBeUndefined();
      const escalation = answered.result.data!.answerRepairEscalation.escalation;
      expect(escalation.status).toBe('ANSWERED');
      expect(escalation.answer).toBe('Replace the seat and spring.');
      expect(escalation.answeredBy).toBe('test support_engineer');
      expect(escalation.answeredAt).not.toBeNull();

      const again = await service.run(
        ANSWER,
        { input: { id: payload.escalation.id, version: 2, answer: 'Second answer' } },
        staff(StaffRole.SERVICE_MANAGER),
      );
      expect(again.result.errors?.[0].extensions?.code).toBe('CONFLICT');
    });

    it('rejects escalation outside the allowed states', async () => {
      for (const status of [RepairOrderStatus.REPORTED, RepairOrderStatus.AWAITING_ACCEPTANCE]) {
        const order = await createOrder(status);
        const { result } = await service.run(
          ESCALATE,
          { input: { id: order.id, version: 1, question: 'Why?' } },
          staff(StaffRole.TECHNICIAN),
        );
        expect(result.errors?.[0].extensions?.code, status).toBe('CONFLICT');
      }
    });

    it('rejects roles other than technician and manager', async () => {
      const order = await createOrder(RepairOrderStatus.ON_SITE);
      const input = { id: order.id, version: 1, question: 'Why?' };
      const dispatcher = await service.run(ESCALATE, { input }, staff(StaffRole.DISPATCHER));
      expect(dispatcher.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const key = await service.run(ESCALATE, { input }, partner(otherCustomerId));
      expect(key.result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('lists escalations on each order', async () => {
      const first = await createOrder(RepairOrderStatus.IN_REPAIR);
      const second = await createOrder(RepairOrderStatus.ON_SITE);
      for (const order of [first, second]) {
        const { result } = await service.run(
          ESCALATE,
          { input: { id: order.id, version: 1, question: 'Torque value?' } },
          staff(StaffRole.SERVICE_MANAGER),
        );
        expect(result.errors).toBeUndefined();
      }
      const query = `query($a: ID!, $b: ID!) {
        a: node(id: $a) { ... on RepairOrder { escalations { question status askedBy } } }
        b: node(id: $b) { ... on RepairOrder { escalations { question status askedBy } } }
      }`;
      const { result } = await service.run<{
        a: { escalations: { question: string; askedBy: string | null }[] };
        b: { escalations: { question: string; askedBy: string | null }[] };
      }>(query, { a: first.id, b: second.id }, partner(otherCustomerId));
      expect(result.errors).toBeUndefined();
      expect(result.data!.a.escalations).toEqual([
        { question: 'Torque value?', status: 'OPEN', askedBy: null },
      ]);
      expect(result.data!.b.escalations).toHaveLength(1);
    });
  });
});
