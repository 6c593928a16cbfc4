import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Customer,
  CustomerKind,
  Equipment,
  EquipmentCategory,
  EquipmentModel,
} from '../../core/index.js';
import { RepairOrder, RepairOrderStatus, RepairOrderType } from '../../plugins/repair/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const UNITS = 50;
const ORDERS_PER_UNIT = 12;

const HISTORY_QUERY = `query($units: Int!) {
  equipmentList(first: $units) {
    totalCount
    edges { node {
      serialNumber
      model { modelCode }
      customer { code }
      repairOrders(first: 10) {
        totalCount
        edges { node { number reportedAt faultDescription cost { amount currency } customer { code } } }
      }
    } }
  }
}`;

interface HistoryData {
  equipmentList: {
    edges: {
      node: {
        serialNumber: string;
        repairOrders: {
          totalCount: number;
          edges: { node: { number: string; reportedAt: string } }[];
        };
      };
    }[];
  };
}

describe.skipIf(!databaseAvailable)('SQL statement count of nested lists', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await service.runtime.runAsSystem(async (scope) => {
      const customer = scope.em.create(Customer, {
        code: 'FLEET',
        name: 'Fleet',
        kind: CustomerKind.OPERATOR,
      });
      const model = scope.em.create(EquipmentModel, {
        manufacturer: 'Test',
        modelCode: 'MP-1',
        category: EquipmentCategory.MUD_PUMP,
      });
      for (let unit = 0; unit < UNITS; unit += 1) {
        const equipment = scope.em.create(Equipment, {
          serialNumber: `MP-${String(unit).padStart(3, '0')}`,
          model,
          customer,
        });
        for (let order = 0; order < ORDERS_PER_UNIT; order += 1) {
          scope.em.create(RepairOrder, {
            number: `RO-${unit}-${order}`,
            equipment,
            customer,
            reportedAt: new Date(Date.UTC(2025, 0, 1 + order, unit % 24)),
            faultDescription: `Fault ${order} on unit ${unit}`,
            orderType: RepairOrderType.CORRECTIVE_REPAIR,
            costAmount: `${order}.50`,
            costCurrency: 'USD',
            status: RepairOrderStatus.CLOSED,
          });
        }
      }
      await scope.em.flush();
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('is the same for 50 units as for 5', async () => {
    const five = await service.run<HistoryData>(HISTORY_QUERY, { units: 5 });
    const fifty = await service.run<HistoryData>(HISTORY_QUERY, { units: 50 });
    expect(five.result.errors).toBeUndefined();
    expect(fifty.result.errors).toBeUndefined();
    expect(five.result.data!.equipmentList.edges).toHaveLength(5);
    expect(fifty.result.data!.equipmentList.edges).toHaveLength(50);
    expect(fifty.statements).toBe(five.statements);
    // Units, their count, models, customers (owners and order customers share one loader), and
    // orders with their counts.
    expect(fifty.statements).toBe(5);
  });

  it('returns the 10 latest orders of each unit, newest first', async () => {
    const { result } = await service.run<HistoryData>(HISTORY_QUERY, { units: 50 });
    for (const { node } of result.data!.equipmentList.edges) {
      const orders = node.repairOrders.edges.map((edge) => edge.node);
      expect(node.repairOrders.totalCount).toBe(ORDERS_PER_UNIT);
      expect(orders).toHaveLength(10);
      const times = orders.map((order) => Date.parse(order.reportedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const unit = Number(node.serialNumber.slice(3));
      expect(orders[0].number).toBe(`RO-${unit}-${ORDERS_PER_UNIT - 1}`);
    }
  });

  it('counts nested orders in the page statement', async () => {
    const withoutCount = await service.run(
      `{ equipmentList(first: 50) { edges { node { repairOrders(first: 10) { edges { node { number } } } } } } }`,
    );
    const withCount = await service.run(
      `{ equipmentList(first: 50) { edges { node { repairOrders(first: 10) { totalCount edges { node { number } } } } } } }`,
    );
    expect(withoutCount.result.errors).toBeUndefined();
    expect(withCount.result.errors).toBeUndefined();
    expect(withoutCount.statements).toBe(2);
    expect(withCount.statements).toBe(withoutCount.statements);
  });

  it('counts nested orders after a cursor separately', async () => {
    const first = await service.run<{
      equipmentBySerial: { repairOrders: { pageInfo: { endCursor: string } } };
    }>(
      `{ equipmentBySerial(serial: "MP-007") { repairOrders(first: 5) { pageInfo { endCursor } } } }`,
    );
    const cursor = first.result.data!.equipmentBySerial.repairOrders.pageInfo.endCursor;
    const page = (selection: string) =>
      service.run<{
        equipmentBySerial: { repairOrders: { totalCount?: number; edges: unknown[] } };
      }>(
        `query($after: String) { equipmentBySerial(serial: "MP-007") { repairOrders(first: 5, after: $after) { ${selection} } } }`,
        { after: cursor },
      );
    const withoutCount = await page('edges { node { number } }');
    const withCount = await page('totalCount edges { node { number } }');
    expect(withCount.result.errors).toBeUndefined();
    expect(withCount.result.data!.equipmentBySerial.repairOrders.totalCount).toBe(ORDERS_PER_UNIT);
    expect(withCount.result.data!.equipmentBySerial.repairOrders.edges).toHaveLength(5);
    expect(withCount.statements).toBe(withoutCount.statements + 1);
  });
});
