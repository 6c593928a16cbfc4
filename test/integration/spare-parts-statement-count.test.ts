import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EquipmentCategory, EquipmentModel } from '../../core/index.js';
import {
  Part,
  StockBalance,
  StockMovement,
  StockMovementKind,
  Warehouse,
} from '../../plugins/spare-parts/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const PARTS = 50;
const WAREHOUSES = 3;

const PARTS_QUERY = `query($parts: Int!) {
  parts(first: $parts) {
    totalCount
    edges { node {
      partNumber unitCost
      compatibleModels { modelCode }
      stock { onHand available belowReorderPoint }
      stockLevels { onHand reserved available warehouse { code } part { partNumber } }
    } }
  }
}`;

interface PartsData {
  parts: {
    edges: {
      node: {
        partNumber: string;
        stockLevels: { onHand: string; warehouse: { code: string } }[];
        stock: { onHand: string };
      };
    }[];
  };
}

describe.skipIf(!databaseAvailable)('SQL statement count of parts with stock', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
    await service.runtime.runAsSystem(async (scope) => {
      const model = scope.em.create(EquipmentModel, {
        manufacturer: 'Test',
        modelCode: 'MP-STMT',
        category: EquipmentCategory.MUD_PUMP,
      });
      const warehouses = Array.from({ length: WAREHOUSES }, (_, index) =>
        scope.em.create(Warehouse, { code: `WH-${index}`, name: `Warehouse ${index}` }),
      );
      for (let index = 0; index < PARTS; index += 1) {
        const part = scope.em.create(Part, {
          partNumber: `STMT-${String(index).padStart(3, '0')}`,
          name: `Part ${index}`,
          unitCost: '10.00',
        });
        part.compatibleModels.add(model);
        for (const [offset, warehouse] of warehouses.entries()) {
          const quantity = `${index + offset}.000`;
          scope.em.create(StockMovement, {
            part,
            warehouse,
            kind: StockMovementKind.RECEIPT,
            quantity,
            occurredAt: new Date(),
            recordedBy: 'seed',
          });
          scope.em.create(StockBalance, { part, warehouse, onHand: quantity, reserved: '0.000' });
        }
      }
      await scope.em.flush();
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is the same for 50 parts as for 5', async () => {
    const five = await service.run<PartsData>(PARTS_QUERY, { parts: 5 });
    const fifty = await service.run<PartsData>(PARTS_QUERY, { parts: PARTS });
    expect(five.result.errors).toBeUndefined();
    expect(fifty.result.errors).toBeUndefined();
    expect(five.result.data!.parts.edges).toHaveLength(5);
    expect(fifty.result.data!.parts.edges).toHaveLength(PARTS);
    expect(fifty.statements).toBe(five.statements);
    // Parts, their count, compatible models, balances, warehouses and the balances' parts.
    expect(fifty.statements).toBeLessThanOrEqual(6);
  });

  it('returns every warehouse of every part', async () => {
    const { result } = await service.run<PartsData>(PARTS_QUERY, { parts: PARTS });
    const last = result.data!.parts.edges[PARTS - 1].node;
    expect(last.partNumber).toBe('STMT-049');
    expect(last.stockLevels.map((level) => level.warehouse.code).sort()).toEqual([
      'WH-0',
      'WH-1',
      'WH-2',
    ]);
    // 49 + 50 + 51 over the three warehouses.
    expect(last.stock.onHand).toBe('150.000');
  });
});
