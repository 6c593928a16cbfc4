import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiScope,
  Customer,
  CustomerKind,
  Equipment,
  EquipmentCategory,
  EquipmentModel,
  type Principal,
} from '../../core/index.js';
import { RepairOrder, RepairOrderStatus, RepairOrderType } from '../../plugins/repair/index.js';
import {
  fleetHistory,
  orderDetail,
  unitHistory,
  type GraphQLRequest,
} from '../../bench/history/operations.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

// The three operations of `npm run bench:history`, on a small fleet, with the exact number of SQL
// statements each issues at two page sizes, so that a change that adds statements fails here.

const UNITS = 60;
const ORDERS_PER_UNIT = 25;

/** Ids of the fixture's records, by customer. */
interface Fleet {
  customerId: string;
  orderId: string;
}

async function createFleet(service: TestService, code: string): Promise<Fleet> {
  return service.runtime.runAsSystem(async (scope) => {
    const customer = scope.em.create(Customer, {
      code,
      name: `Fleet ${code}`,
      kind: CustomerKind.DRILLING_CONTRACTOR,
    });
    const model = scope.em.create(EquipmentModel, {
      manufacturer: `Maker ${code}`,
      modelCode: 'F-1600',
      category: EquipmentCategory.MUD_PUMP,
    });
    let lastOrder: RepairOrder | undefined;
    for (let unit = 0; unit < UNITS; unit += 1) {
      const equipment = scope.em.create(Equipment, {
        serialNumber: `${code}-${String(unit).padStart(3, '0')}`,
        model,
        customer,
      });
      for (let order = 0; order < ORDERS_PER_UNIT; order += 1) {
        lastOrder = scope.em.create(RepairOrder, {
          number: `${code}-${unit}-${order}`,
          equipment,
          customer,
          reportedAt: new Date(Date.UTC(2024, 0, 1 + order, unit % 24)),
          faultDescription: `Valve seat washout ${order}`,
          orderType: RepairOrderType.CORRECTIVE_REPAIR,
          costAmount: `${order}.25`,
          costCurrency: 'USD',
          status: RepairOrderStatus.CLOSED,
          tagSystem: 'Fluid End',
          tagPart: 'Valve_Seat',
          tagFailureMode: 'Washout',
        });
      }
    }
    await scope.em.flush();
    return { customerId: customer.id, orderId: lastOrder!.id };
  });
}

function partnerOf(customerId: string): Principal {
  return {
    kind: 'api-client',
    id: 'api-client:partner',
    name: 'partner ERP',
    roles: [],
    scopes: [ApiScope.READ],
    customerId,
  };
}

interface OrderFields {
  number: string;
  cost: { amount: string } | null;
}

describe.skipIf(!databaseAvailable)('SQL statements of the history benchmark', () => {
  let service: TestService;
  let north: Fleet;
  let south: Fleet;

  const run = async <T>(request: GraphQLRequest, principal?: Principal) => {
    const { result, statements } = await service.run<T>(
      request.query,
      request.variables,
      principal,
    );
    expect(result.errors).toBeUndefined();
    return { data: result.data!, statements };
  };

  beforeAll(async () => {
    service = await startTestService();
    north = await createFleet(service, 'NORTH');
    south = await createFleet(service, 'SOUTH');
  });
  afterAll(async () => {
    await service?.close();
  });

  it.each([
    { first: 20, statements: 2 },
    { first: 5, statements: 2 },
  ])('unit history with $first orders', async ({ first, statements }) => {
    type Data = {
      equipmentBySerial: { repairOrders: { totalCount: number; edges: { node: OrderFields }[] } };
    };
    const result = await run<Data>(unitHistory.project({ serial: 'NORTH-007', first }));
    const orders = result.data.equipmentBySerial.repairOrders;
    expect(orders.totalCount).toBe(ORDERS_PER_UNIT);
    expect(orders.edges).toHaveLength(first);
    expect(orders.edges[0].node.number).toBe(`NORTH-7-${ORDERS_PER_UNIT - 1}`);
    // The unit, then its page of orders with their count.
    expect(result.statements).toBe(statements);
  });

  it.each([
    { units: 50, first: 10, statements: 3 },
    { units: 10, first: 3, statements: 3 },
  ])('fleet history with $units units', async ({ units, first, statements }) => {
    type Data = {
      customerByCode: {
        equipment: {
          edges: { node: { serialNumber: string; repairOrders: { edges: unknown[] } } }[];
        };
      };
    };
    const result = await run<Data>(fleetHistory.project({ code: 'NORTH', units, first }));
    const edges = result.data.customerByCode.equipment.edges;
    expect(edges).toHaveLength(units);
    expect(edges[1].node.serialNumber).toBe('NORTH-001');
    for (const { node } of edges) expect(node.repairOrders.edges).toHaveLength(first);
    // The customer, its page of units, and one page of orders for every unit.
    expect(result.statements).toBe(statements);
  });

  it('order detail in one statement', async () => {
    type Data = {
      repairOrder: OrderFields & {
        equipment: { serialNumber: string };
        customer: { code: string };
      };
    };
    const result = await run<Data>(orderDetail.project({ id: north.orderId }));
    expect(result.data.repairOrder.equipment.serialNumber).toBe(`NORTH-0${UNITS - 1}`);
    expect(result.data.repairOrder.customer.code).toBe('NORTH');
    expect(result.data.repairOrder.cost).toEqual({ amount: '24.25', currency: 'USD' });
    // The order with its unit and customer joined.
    expect(result.statements).toBe(1);
  });

  it('partner key sees no costs', async () => {
    type UnitData = {
      equipmentBySerial: { repairOrders: { edges: { node: OrderFields }[] } };
    };
    const partner = partnerOf(north.customerId);
    const history = await run<UnitData>(
      unitHistory.project({ serial: 'NORTH-007', first: 20 }),
      partner,
    );
    const orders = history.data.equipmentBySerial.repairOrders.edges;
    expect(orders).toHaveLength(20);
    expect(orders.every(({ node }) => node.cost === null)).toBe(true);
    expect(history.statements).toBe(2);

    type OrderData = { repairOrder: OrderFields & { customer: { code: string } } };
    const detail = await run<OrderData>(orderDetail.project({ id: north.orderId }), partner);
    expect(detail.data.repairOrder.cost).toBeNull();
    expect(detail.data.repairOrder.customer.code).toBe('NORTH');
    // A customer-bound key reads the unit and the customer through the tenant filter.
    expect(detail.statements).toBe(3);
  });

  it('partner key cannot read another fleet', async () => {
    const partner = partnerOf(north.customerId);
    const request = orderDetail.project({ id: south.orderId });
    const { result } = await service.run(request.query, request.variables, partner);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const unitRequest = unitHistory.project({ serial: 'SOUTH-001', first: 5 });
    const unit = await service.run(unitRequest.query, unitRequest.variables, partner);
    expect(unit.result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
