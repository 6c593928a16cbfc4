import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer, RequestScope } from '../../core/index.js';
import { createApiClient } from '../../core/security/api-keys.js';
import { ApiScope } from '../../core/security/principal.js';
import { StaffRole } from '../../core/entities/enums.js';
import { RepairOrder } from '../../plugins/repair/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id code version } } }`;
const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id name version } } }`;
const CREATE_ORDER = `mutation($input: CreateRepairOrderInput!) { createRepairOrder(input: $input) { repairOrder { id number } } }`;
const AUDIT = `query($id: ID!) { auditTrail(first: 20, filter: { recordId: $id }) { totalCount edges { node {
  action entityName entityId principalId principalName changes { field oldValue newValue } } } } }`;

interface CustomerPayload {
  createCustomer: { customer: { id: string; code: string; version: number } };
}
interface AuditData {
  auditTrail: {
    totalCount: number;
    edges: {
      node: {
        action: string;
        entityName: string;
        principalName: string;
        changes: { field: string; oldValue: string | null; newValue: string | null }[];
      };
    }[];
  };
}

describe.skipIf(!databaseAvailable)('write safety', () => {
  let service: TestService;
  let equipmentId: string;
  let otherKey: string;

  const count = (entity: typeof Customer | typeof RepairOrder) =>
    service.runtime.runAsSystem((scope: RequestScope) => scope.em.count(entity));

  beforeAll(async () => {
    service = await startTestService();
    const customer = await service.http<CustomerPayload>(CREATE_CUSTOMER, {
      input: { code: 'SAFE-OPS', name: 'Safe Ops', kind: 'OPERATOR' },
    });
    const model = await service.http<{ createEquipmentModel: { equipmentModel: { id: string } } }>(
      `mutation { createEquipmentModel(input: { manufacturer: "Demo", modelCode: "MP-9", category: MUD_PUMP }) { equipmentModel { id } } }`,
    );
    const unit = await service.http<{ createEquipment: { equipment: { id: string } } }>(
      `mutation($input: CreateEquipmentInput!) { createEquipment(input: $input) { equipment { id } } }`,
      {
        input: {
          serialNumber: 'MP-9-0001',
          modelId: model.data!.createEquipmentModel.equipmentModel.id,
          customerId: customer.data!.createCustomer.customer.id,
        },
      },
    );
    equipmentId = unit.data!.createEquipment.equipment.id;
    otherKey = (
      await service.runtime.runAsSystem((scope) =>
        createApiClient(scope, {
          name: 'dispatch app',
          roles: [StaffRole.DISPATCHER],
          scopes: [ApiScope.READ, ApiScope.WRITE],
        }),
      )
    ).key;
  });
  afterAll(async () => {
    await service?.close();
  });

  describe('idempotency keys', () => {
    const orderInput = (key: string, fault = 'Pump knocks at 90 spm') => ({
      equipmentId,
      channel: 'PHONE',
      faultDescription: fault,
      orderType: 'CORRECTIVE_REPAIR',
      cost: { amount: '120.00', currency: 'USD' },
      idempotencyKey: key,
    });

    it('returns the original order on a retry', async () => {
      const before = await count(RepairOrder);
      const first = await service.http<{
        createRepairOrder: { repairOrder: { id: string; number: string } };
      }>(CREATE_ORDER, {
        input: orderInput('erp-order-0001'),
      });
      const retry = await service.http<{
        createRepairOrder: { repairOrder: { id: string; number: string } };
      }>(CREATE_ORDER, {
        input: orderInput('erp-order-0001'),
      });
      expect(first.errors).toBeUndefined();
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.createRepairOrder.repairOrder).toEqual(
        first.data!.createRepairOrder.repairOrder,
      );
      expect(await count(RepairOrder)).toBe(before + 1);
    });

    it('rejects the same key with other input', async () => {
      await service.http(CREATE_ORDER, { input: orderInput('erp-order-0002') });
      const before = await count(RepairOrder);
      const reuse = await service.http(CREATE_ORDER, {
        input: orderInput('erp-order-0002', 'Different fault'),
      });
      expect(reuse.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(reuse.errors?.[0].extensions?.field).toBe('input.idempotencyKey');
      expect(reuse.errors?.[0].message).toContain('erp-order-0002');
      expect(await count(RepairOrder)).toBe(before);
    });

    it('keeps keys of different principals apart', async () => {
      const before = await count(RepairOrder);
      const mine = await service.http<{ createRepairOrder: { repairOrder: { id: string } } }>(
        CREATE_ORDER,
        {
          input: orderInput('shared-key-0001'),
        },
      );
      const theirs = await service.http<{ createRepairOrder: { repairOrder: { id: string } } }>(
        CREATE_ORDER,
        { input: orderInput('shared-key-0001') },
        { key: otherKey },
      );
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data!.createRepairOrder.repairOrder.id).not.toBe(
        mine.data!.createRepairOrder.repairOrder.id,
      );
      expect(await count(RepairOrder)).toBe(before + 2);
    });

    it('creates once under concurrent retries', async () => {
      const before = await count(Customer);
      const input = {
        code: 'RACE-01',
        name: 'Race',
        kind: 'OPERATOR',
        idempotencyKey: 'race-key-0001',
      };
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => service.http<CustomerPayload>(CREATE_CUSTOMER, { input })),
      );
      for (const response of responses)
        expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const ids = new Set(responses.map((response) => response.data!.createCustomer.customer.id));
      expect(ids.size).toBe(1);
      expect(await count(Customer)).toBe(before + 1);
    });

    it('rejects a malformed key', async () => {
      const response = await service.http(CREATE_ORDER, { input: orderInput('short') });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.field).toBe('input.idempotencyKey');
    });
  });

  describe('optimistic locking', () => {
    let customerId: string;

    beforeAll(async () => {
      const created = await service.http<CustomerPayload>(CREATE_CUSTOMER, {
        input: { code: 'LOCK-01', name: 'Lock', kind: 'OPERATOR' },
      });
      customerId = created.data!.createCustomer.customer.id;
    });

    it('rejects a stale version naming the current one', async () => {
      const fresh = await service.http<{ updateCustomer: { customer: { version: number } } }>(
        UPDATE_CUSTOMER,
        {
          input: { id: customerId, version: 1, name: 'Lock 2' },
        },
      );
      expect(fresh.data!.updateCustomer.customer.version).toBe(2);
      const stale = await service.http(UPDATE_CUSTOMER, {
        input: { id: customerId, version: 1, name: 'Lock 3' },
      });
      const error = stale.errors![0];
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.extensions?.currentVersion).toBe(2);
      expect(error.message).toContain('the current version is 2');
      const read = await service.http<{ customer: { name: string; version: number } }>(
        `query($id: ID!) { customer(id: $id) { name version } }`,
        { id: customerId },
      );
      expect(read.data!.customer).toEqual({ name: 'Lock 2', version: 2 });
    });

    it('names the version when it is missing', async () => {
      const response = await service.http(UPDATE_CUSTOMER, {
        input: { id: customerId, name: 'No version' },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.field).toBe('input.version');
    });

    it('lets one of two concurrent updates win', async () => {
      const read = await service.http<{ customer: { version: number } }>(
        `query($id: ID!) { customer(id: $id) { version } }`,
        {
          id: customerId,
        },
      );
      const version = read.data!.customer.version;
      const results = await Promise.all(
        ['North', 'South'].map((name) =>
          service.http(UPDATE_CUSTOMER, { input: { id: customerId, version, name } }),
        ),
      );
      const succeeded = results.filter((result) => !result.errors);
      const conflicted = results.filter(
        (result) => result.errors?.[0].extensions?.code === 'CONFLICT',
      );
      expect(succeeded).toHaveLength(1);
      expect(conflicted).toHaveLength(1);
      expect(conflicted[0].errors![0].extensions?.currentVersion).toBe(version + 1);
      const after = await service.http<{ customer: { version: number } }>(
        `query($id: ID!) { customer(id: $id) { version } }`,
        {
          id: customerId,
        },
      );
      expect(after.data!.customer.version).toBe(version + 1);
    });
  });

  describe('audit trail', () => {
    it('records who created and changed a record, and what changed', async () => {
      const created = await service.http<CustomerPayload>(CREATE_CUSTOMER, {
        input: { code: 'AUDIT-01', name: 'Audited', kind: 'OPERATOR', region: 'Sichuan' },
      });
      const id = created.data!.createCustomer.customer.id;
      await service.http(UPDATE_CUSTOMER, {
        input: { id, version: 1, name: 'Audited Twice', region: 'Xinjiang' },
      });

      const trail = await service.http<AuditData>(AUDIT, { id });
      expect(trail.errors).toBeUndefined();
      const entries = trail.data!.auditTrail.edges.map((edge) => edge.node);
      expect(entries.map((entry) => entry.action)).toEqual(['UPDATE', 'CREATE']);
      expect(entries[0].principalName).toBe('bootstrap-admin');
      expect(entries[0].entityName).toBe('Customer');
      expect(entries[0].changes).toEqual(
        expect.arrayContaining([
          { field: 'name', oldValue: '"Audited"', newValue: '"Audited Twice"' },
          { field: 'region', oldValue: '"Sichuan"', newValue: '"Xinjiang"' },
        ]),
      );
      expect(entries[0].changes).toHaveLength(2);
      expect(entries[1].changes).toEqual(
        expect.arrayContaining([{ field: 'code', oldValue: null, newValue: '"AUDIT-01"' }]),
      );
    });

    it('writes no entry for a rejected change', async () => {
      const created = await service.http<CustomerPayload>(CREATE_CUSTOMER, {
        input: { code: 'AUDIT-02', name: 'Kept', kind: 'OPERATOR' },
      });
      const id = created.data!.createCustomer.customer.id;
      const stale = await service.http(UPDATE_CUSTOMER, {
        input: { id, version: 7, name: 'Never' },
      });
      expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
      const duplicate = await service.http(CREATE_CUSTOMER, {
        input: { code: 'AUDIT-02', name: 'Twin', kind: 'OPERATOR' },
      });
      expect(duplicate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const trail = await service.http<AuditData>(AUDIT, { id });
      expect(trail.data!.auditTrail.totalCount).toBe(1);
      const all = await service.runtime.runAsSystem((scope) =>
        scope.em
          .getConnection()
          .execute(
            `select count(*) as n from audit_entry where cast(changes as text) like '%Twin%' or cast(changes as text) like '%Never%'`,
          ),
      );
      expect(Number((all as { n: number | string }[])[0].n)).toBe(0);
    });

    it('is readable by admins only', async () => {
      const response = await service.http(AUDIT, { id: equipmentId }, { key: otherKey });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
