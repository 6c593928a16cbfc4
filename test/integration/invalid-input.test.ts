import { randomUUID } from 'node:crypto';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../core/entities/customer.entity.js';
import { EquipmentModel } from '../../core/entities/equipment-model.entity.js';
import { Equipment } from '../../core/entities/equipment.entity.js';
import { Site } from '../../core/entities/site.entity.js';
import { Staff } from '../../core/entities/staff.entity.js';
import { RepairOrder } from '../../plugins/repair/index.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

/** Every table a rejected operation could write to. */
const ENTITIES = { Customer, Site, EquipmentModel, Equipment, Staff, RepairOrder };

interface Rejection {
  code: 'BAD_USER_INPUT' | 'NOT_FOUND';
  /** Expected `extensions.field`. */
  field: string;
  /** Text of the rejected value that the message must quote. */
  value: string;
  /** Text of the fix that the message must give. */
  fix: string;
}

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id } }
}`;
const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { site { id } } }`;
const CREATE_MODEL = `mutation($input: CreateEquipmentModelInput!) {
  createEquipmentModel(input: $input) { equipmentModel { id } }
}`;
const CREATE_EQUIPMENT = `mutation($input: CreateEquipmentInput!) {
  createEquipment(input: $input) { equipment { id } }
}`;
const UPDATE_EQUIPMENT = `mutation($input: UpdateEquipmentInput!) {
  updateEquipment(input: $input) { equipment { id } }
}`;
const CREATE_REPAIR_ORDER = `mutation($input: CreateRepairOrderInput!) {
  createRepairOrder(input: $input) { repairOrder { id } }
}`;

/** Makes a well-formed global ID of `typeName` that names no record. */
function unknownId(typeName: string): string {
  return Buffer.from(`${typeName}:${randomUUID()}`, 'utf8').toString('base64url');
}

/** Checks that no error exposes a stack trace, an exception object or SQL text. */
function expectNoInternals(errors: readonly GraphQLFormattedError[] | undefined): void {
  for (const error of errors ?? []) {
    expect(error.extensions?.stacktrace, error.message).toBeUndefined();
    expect(error.extensions?.exception, error.message).toBeUndefined();
    expect(error.message.toLowerCase()).not.toContain('select ');
    expect(error.message.toLowerCase()).not.toContain('insert ');
    expect(error.message).not.toMatch(/\n\s+at /);
  }
}

describe.skipIf(!databaseAvailable)('invalid input', () => {
  let service: TestService;
  let customerId: string;
  let otherCustomerId: string;
  let otherSiteId: string;
  let otherUnitId: string;
  let modelId: string;
  let unitId: string;
  let decommissionedId: string;

  /** Runs an operation that must succeed and returns its data. */
  async function succeed<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await service.http<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function countRows(): Promise<Record<string, number>> {
    return service.runtime.runAsSystem(async (scope) => {
      const counts: Record<string, number> = {};
      for (const [name, entity] of Object.entries(ENTITIES)) {
        counts[name] = await scope.em.count(entity, {});
      }
      return counts;
    });
  }

  /**
   * Sends an operation over HTTP that must fail with exactly one error, checks its code, field
   * and message, and checks that no table gained or lost a row.
   */
  async function expectRejected(
    query: string,
    variables: Record<string, unknown> | undefined,
    expected: Rejection,
  ): Promise<ExecutionResult> {
    // Updates carry the version they read; these tests send the current one to reach the check
    // they are about.
    const input = variables?.input as Record<string, unknown> | undefined;
    if (/\bupdate[A-Z]/.test(query) && input?.id && input.version === undefined) {
      const read = await service.http<{ node: { version: number } | null }>(
        `query($id: ID!) { node(id: $id) { ... on Customer { version } ... on Site { version } ... on EquipmentModel { version } ... on Equipment { version } ... on Staff { version } } }`,
        { id: input.id },
      );
      if (read.data?.node)
        variables = { ...variables, input: { ...input, version: read.data.node.version } };
    }
    const before = await countRows();
    const response = await service.http(query, variables);
    const after = await countRows();

    expect(response.errors, JSON.stringify(response.data)).toHaveLength(1);
    const [error] = response.errors!;
    expect(error.extensions?.code, error.message).toBe(expected.code);
    expect(error.extensions?.field, error.message).toBe(expected.field);
    expect(error.message, 'message names the value').toContain(expected.value);
    expect(error.message, 'message names the fix').toContain(expected.fix);
    expectNoInternals(response.errors);
    expect(after, 'row counts after the rejected operation').toEqual(before);
    return response;
  }

  beforeAll(async () => {
    service = await startTestService({ demoData: false });
    const customer = await succeed<{ createCustomer: { customer: { id: string } } }>(
      CREATE_CUSTOMER,
      { input: { code: 'INV-OWNER', name: 'Owner Drilling', kind: 'DRILLING_CONTRACTOR' } },
    );
    customerId = customer.createCustomer.customer.id;
    const other = await succeed<{ createCustomer: { customer: { id: string } } }>(CREATE_CUSTOMER, {
      input: { code: 'INV-OTHER', name: 'Other Operator', kind: 'OPERATOR' },
    });
    otherCustomerId = other.createCustomer.customer.id;
    const site = await succeed<{ createSite: { site: { id: string } } }>(CREATE_SITE, {
      input: { customerId: otherCustomerId, name: 'Other Yard', kind: 'YARD' },
    });
    otherSiteId = site.createSite.site.id;
    const model = await succeed<{ createEquipmentModel: { equipmentModel: { id: string } } }>(
      CREATE_MODEL,
      { input: { manufacturer: 'Honghua', modelCode: 'F-1600', category: 'MUD_PUMP' } },
    );
    modelId = model.createEquipmentModel.equipmentModel.id;

    const createUnit = async (input: Record<string, unknown>) =>
      (
        await succeed<{ createEquipment: { equipment: { id: string } } }>(CREATE_EQUIPMENT, {
          input: { modelId, customerId, ...input },
        })
      ).createEquipment.equipment.id;
    unitId = await createUnit({ serialNumber: 'MP-100', commissionedOn: '2024-05-01' });
    decommissionedId = await createUnit({ serialNumber: 'MP-OLD', status: 'DECOMMISSIONED' });
    otherUnitId = await createUnit({ serialNumber: 'MP-OTHER', customerId: otherCustomerId });
  });

  afterAll(async () => {
    await service?.close();
  });

  describe('enum values', () => {
    it('rejects an unknown literal', async () => {
      await expectRejected(
        `mutation { createCustomer(input: {code: "ENUM-1", name: "Enum", kind: FOO}) {
          customer { id } } }`,
        undefined,
        // The fix of an unknown enum value is the list of accepted values.
        { code: 'BAD_USER_INPUT', field: 'input.kind', value: '"FOO"', fix: 'OPERATOR' },
      );
    });

    it('rejects an unknown variable value', async () => {
      // A value inside a variable is reported by its path in the variable, not in the argument.
      await expectRejected(
        `mutation($customer: CreateCustomerInput!) {
          createCustomer(input: $customer) { customer { id } } }`,
        { customer: { code: 'ENUM-2', name: 'Enum', kind: 'FOO' } },
        { code: 'BAD_USER_INPUT', field: 'customer.kind', value: '"FOO"', fix: 'OPERATOR' },
      );
    });
  });

  describe('serial numbers', () => {
    it.each([
      ['a space and lower case', 'mp 1'],
      ['lower case', 'mp-1'],
      ['a leading hyphen', '-MP1'],
      ['41 characters', 'A'.repeat(41)],
      ['no characters', ''],
    ])('rejects a serial with %s', async (_case, serialNumber) => {
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber, modelId, customerId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.serialNumber',
          value: `"${serialNumber}"`,
          fix: 'uppercase letters, digits or hyphens',
        },
      );
    });

    it('rejects a duplicate serial', async () => {
      await succeed(CREATE_EQUIPMENT, { input: { serialNumber: 'MP-DUP', modelId, customerId } });
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber: 'MP-DUP', modelId, customerId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.serialNumber',
          value: '"MP-DUP"',
          fix: 'check the serial number',
        },
      );
      const units = await service.runtime.runAsSystem((scope) =>
        scope.em.count(Equipment, { serialNumber: 'MP-DUP' }),
      );
      expect(units).toBe(1);
    });

    it('rejects a duplicate customer code', async () => {
      await expectRejected(
        CREATE_CUSTOMER,
        { input: { code: 'INV-OWNER', name: 'Copy', kind: 'OPERATOR' } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.code',
          value: '"INV-OWNER"',
          fix: 'choose a different code',
        },
      );
    });
  });

  describe('money and decimals', () => {
    const order = (cost: unknown) => ({
      input: {
        equipmentId: unitId,
        channel: 'PHONE',
        faultDescription: 'Pump loses pressure',
        orderType: 'CORRECTIVE_REPAIR',
        cost,
      },
    });

    it('rejects a negative cost', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: '-1.00', currency: 'AUD' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.amount',
        value: '"-1.00"',
        fix: 'must be zero or more',
      });
    });

    it('rejects a cost with three decimals', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: '183.055', currency: 'AUD' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.amount',
        value: '"183.055"',
        fix: 'at most 2 decimal places',
      });
    });

    it('rejects a lower-case currency', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: '10.00', currency: 'aud' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.currency',
        value: '"aud"',
        fix: 'ISO 4217',
      });
    });

    it('rejects a currency outside ISO 4217', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: '10.00', currency: 'XYZ' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.currency',
        value: '"XYZ"',
        fix: 'ISO 4217',
      });
    });

    it('rejects a cost beyond the stored precision', async () => {
      // PostgreSQL stores costs as numeric(14,2), so 12 digits before the point.
      await expectRejected(
        CREATE_REPAIR_ORDER,
        order({ amount: '1000000000000.00', currency: 'AUD' }),
        {
          code: 'BAD_USER_INPUT',
          field: 'input.cost.amount',
          value: '"1000000000000.00"',
          fix: 'at most',
        },
      );
    });

    it('rejects running hours beyond the stored precision', async () => {
      // PostgreSQL stores running hours as numeric(14,1), so 13 digits before the point.
      await expectRejected(
        CREATE_EQUIPMENT,
        {
          input: {
            serialNumber: 'MP-HOURS',
            modelId,
            customerId,
            runningHours: '100000000000000.0',
          },
        },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.runningHours',
          value: '"100000000000000.0"',
          fix: 'at most',
        },
      );
    });

    it('rejects a decimal sent as a JSON number', async () => {
      await expectRejected(
        `mutation($unit: CreateEquipmentInput!) { createEquipment(input: $unit) { equipment { id } } }`,
        { unit: { serialNumber: 'MP-FLOAT', modelId, customerId, runningHours: 12.5 } },
        {
          code: 'BAD_USER_INPUT',
          field: 'unit.runningHours',
          value: '12.5',
          fix: 'send a string such as "1234.50"',
        },
      );
    });

    it('rejects a cost amount sent as a JSON number', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: 183.05, currency: 'AUD' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.amount',
        value: '183.05',
        fix: 'send a string such as "1234.50"',
      });
    });

    it('rejects a decimal with surrounding spaces', async () => {
      await expectRejected(CREATE_REPAIR_ORDER, order({ amount: ' 10.00', currency: 'AUD' }), {
        code: 'BAD_USER_INPUT',
        field: 'input.cost.amount',
        value: '" 10.00"',
        fix: 'remove the spaces around the number',
      });
    });

    it('rejects a decimal number literal', async () => {
      await expectRejected(
        `mutation { createEquipment(input: {serialNumber: "MP-LIT", modelId: "${modelId}",
          customerId: "${customerId}", runningHours: 12.5}) { equipment { id } } }`,
        undefined,
        {
          code: 'BAD_USER_INPUT',
          field: 'input.runningHours',
          value: '12.5',
          fix: 'strings such as "1234.50"',
        },
      );
    });
  });

  describe('pagination arguments', () => {
    const lists: [string, () => string][] = [
      ['repairOrders', () => `{ repairOrders(first: FIRST) { totalCount } }`],
      ['customers', () => `{ customers(first: FIRST) { totalCount } }`],
      ['equipmentList', () => `{ equipmentList(first: FIRST) { totalCount } }`],
      [
        'Equipment.repairOrders',
        () => `{ equipment(id: "${unitId}") { repairOrders(first: FIRST) { totalCount } } }`,
      ],
      [
        'Customer.sites',
        () => `{ customer(id: "${otherCustomerId}") { sites(first: FIRST) { totalCount } } }`,
      ],
    ];

    it.each(lists)('rejects first: 101 on %s', async (_name, query) => {
      await expectRejected(query().replace('FIRST', '101'), undefined, {
        code: 'BAD_USER_INPUT',
        field: 'first',
        value: '101',
        fix: 'request at most 100 records',
      });
    });

    it.each(lists)('rejects first: -1 on %s', async (_name, query) => {
      await expectRejected(query().replace('FIRST', '-1'), undefined, {
        code: 'BAD_USER_INPUT',
        field: 'first',
        value: '-1',
        fix: 'request at most 100 records',
      });
    });

    it.each([
      ['customers', 'not-a-cursor', () => `{ customers(first: 20, after: $after) { totalCount } }`],
      [
        'customers',
        Buffer.from('{"id":1}').toString('base64url'),
        () => `{ customers(first: 20, after: $after) { totalCount } }`,
      ],
      [
        'Equipment.repairOrders',
        'not-a-cursor',
        () =>
          `{ equipment(id: "${unitId}") { repairOrders(first: 20, after: $after) { totalCount } } }`,
      ],
    ])('rejects a malformed after on %s (%s)', async (_name, cursor, query) => {
      await expectRejected(
        `query($after: String) ${query()}`,
        { after: cursor },
        {
          code: 'BAD_USER_INPUT',
          field: 'after',
          value: `"${cursor}"`,
          fix: 'pass the endCursor of a previous page',
        },
      );
    });
  });

  describe('global IDs', () => {
    it('reports an unknown customer id', async () => {
      const id = unknownId('Customer');
      await expectRejected(
        `query($id: ID!) { customer(id: $id) { id } }`,
        { id },
        {
          code: 'NOT_FOUND',
          field: 'id',
          value: id,
          fix: 'check the value',
        },
      );
    });

    it.each(['Customer', 'Site', 'EquipmentModel', 'Equipment', 'Staff', 'RepairOrder'])(
      'reports an unknown %s id on node',
      async (typeName) => {
        const id = unknownId(typeName);
        await expectRejected(
          `query($id: ID!) { node(id: $id) { id } }`,
          { id },
          {
            code: 'NOT_FOUND',
            field: 'id',
            value: id,
            fix: 'check the value',
          },
        );
      },
    );

    it('rejects an Equipment ID as a Customer ID', async () => {
      await expectRejected(
        `query($id: ID!) { customer(id: $id) { id } }`,
        { id: unitId },
        {
          code: 'BAD_USER_INPUT',
          field: 'id',
          value: unitId,
          fix: 'pass an ID of type Customer',
        },
      );
    });

    it('rejects an Equipment ID as the owner of a site', async () => {
      await expectRejected(
        CREATE_SITE,
        { input: { customerId: unitId, name: 'Wrong Owner', kind: 'BASE' } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.customerId',
          value: unitId,
          fix: 'pass an ID of type Customer',
        },
      );
    });

    it('rejects an empty ID in a list filter', async () => {
      // An empty string once meant "no filter" and returned every customer's units.
      await expectRejected(
        `{ equipmentList(first: 5, filter: { customerId: "" }) { totalCount } }`,
        undefined,
        {
          code: 'BAD_USER_INPUT',
          field: 'filter.customerId',
          value: '""',
          fix: 'use the id field of a record',
        },
      );
    });

    it('rejects an ID that is not a global ID', async () => {
      await expectRejected(`{ customer(id: "garbage") { id } }`, undefined, {
        code: 'BAD_USER_INPUT',
        field: 'id',
        value: '"garbage"',
        fix: 'use the id field of a record',
      });
    });
  });

  describe('references', () => {
    it('reports an unknown model', async () => {
      const unknownModel = unknownId('EquipmentModel');
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber: 'MP-200', modelId: unknownModel, customerId } },
        { code: 'NOT_FOUND', field: 'input.modelId', value: unknownModel, fix: 'check the value' },
      );
    });

    it('rejects a site of another customer', async () => {
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber: 'MP-201', modelId, customerId, siteId: otherSiteId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.siteId',
          value: otherSiteId,
          fix: "choose a site of the unit's owner",
        },
      );
    });

    it('rejects a parent unit of another customer', async () => {
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber: 'MP-202', modelId, customerId, parentId: otherUnitId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.parentId',
          value: otherUnitId,
          fix: 'choose a unit of the same owner',
        },
      );
    });

    it('reports an unknown parent unit', async () => {
      const unknownParent = unknownId('Equipment');
      await expectRejected(
        CREATE_EQUIPMENT,
        { input: { serialNumber: 'MP-204', modelId, customerId, parentId: unknownParent } },
        {
          code: 'NOT_FOUND',
          field: 'input.parentId',
          value: unknownParent,
          fix: 'check the value',
        },
      );
    });

    it('rejects a unit as its own parent', async () => {
      const read = `query($id: ID!) { equipment(id: $id) { version status parent { id } } }`;
      const before = await succeed(read, { id: unitId });
      await expectRejected(
        UPDATE_EQUIPMENT,
        { input: { id: unitId, status: 'DOWN', parentId: unitId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.parentId',
          value: 'input.parentId',
          fix: 'a unit cannot contain itself',
        },
      );
      expect(await succeed(read, { id: unitId })).toEqual(before);
    });

    it('rejects a parent update across owners', async () => {
      const read = `query($id: ID!) { equipment(id: $id) { version status parent { id } } }`;
      const before = await succeed(read, { id: unitId });
      await expectRejected(
        UPDATE_EQUIPMENT,
        { input: { id: unitId, status: 'DOWN', parentId: otherUnitId } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.parentId',
          value: otherUnitId,
          fix: 'choose a unit of the same owner',
        },
      );
      expect(await succeed(read, { id: unitId })).toEqual(before);
    });

    it('rejects a parent cycle', async () => {
      const create = async (serialNumber: string, parentId?: string) =>
        (
          await succeed<{ createEquipment: { equipment: { id: string } } }>(CREATE_EQUIPMENT, {
            input: { serialNumber, modelId, customerId, parentId },
          })
        ).createEquipment.equipment.id;
      const rig = await create('RIG-CYCLE');
      const pump = await create('MP-CYCLE', rig);
      const read = `query($id: ID!) { equipment(id: $id) { version parent { id } } }`;
      const before = await succeed(read, { id: rig });

      await expectRejected(
        UPDATE_EQUIPMENT,
        { input: { id: rig, parentId: pump } },
        { code: 'BAD_USER_INPUT', field: 'input.parentId', value: pump, fix: 'part of' },
      );
      expect(await succeed(read, { id: rig })).toEqual(before);
    });

    it('rejects a warranty ending before commissioning', async () => {
      await expectRejected(
        CREATE_EQUIPMENT,
        {
          input: {
            serialNumber: 'MP-203',
            modelId,
            customerId,
            commissionedOn: '2024-05-01',
            warrantyEndsOn: '2024-04-30',
          },
        },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.warrantyEndsOn',
          value: '2024-04-30',
          fix: 'cannot end before the unit starts',
        },
      );
    });

    it('rejects a warranty update before commissioning', async () => {
      const read = `query($id: ID!) { equipment(id: $id) { version warrantyEndsOn updatedAt } }`;
      const before = await succeed(read, { id: unitId });
      await expectRejected(
        UPDATE_EQUIPMENT,
        { input: { id: unitId, warrantyEndsOn: '2024-01-31' } },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.warrantyEndsOn',
          value: '2024-01-31',
          fix: 'cannot end before the unit starts',
        },
      );
      expect(await succeed(read, { id: unitId })).toEqual(before);
    });

    it('rejects a repair order for a decommissioned unit', async () => {
      await expectRejected(
        CREATE_REPAIR_ORDER,
        {
          input: {
            equipmentId: decommissionedId,
            channel: 'ONLINE',
            faultDescription: 'Will not start',
            orderType: 'CORRECTIVE_REPAIR',
          },
        },
        {
          code: 'BAD_USER_INPUT',
          field: 'input.equipmentId',
          value: 'MP-OLD',
          fix: 'repair orders cannot be opened',
        },
      );
    });
  });

  describe('natural keys', () => {
    it.each([
      ['customerByCode', 'code'],
      ['equipmentBySerial', 'serial'],
      ['staffByEmployeeNumber', 'employeeNumber'],
    ])('reports an unknown key on %s', async (query, argument) => {
      await expectRejected(`{ ${query}(${argument}: "NO-SUCH-KEY") { id } }`, undefined, {
        code: 'NOT_FOUND',
        field: argument,
        value: '"NO-SUCH-KEY"',
        fix: 'check the value',
      });
    });
  });

  describe('filters', () => {
    const reversed = { reportedFrom: '2024-02-01T00:00:00Z', reportedTo: '2024-01-01T00:00:00Z' };

    it('rejects a reversed period on repairOrders', async () => {
      await expectRejected(
        `query($filter: RepairOrderFilter) { repairOrders(first: 20, filter: $filter) { totalCount } }`,
        { filter: reversed },
        {
          code: 'BAD_USER_INPUT',
          field: 'filter.reportedTo',
          value: '2024-01-01T00:00:00.000Z',
          fix: 'swap the two',
        },
      );
    });

    it('rejects a reversed period on Equipment.repairOrders', async () => {
      await expectRejected(
        `query($id: ID!, $filter: RepairOrderFilter) {
          equipment(id: $id) { repairOrders(first: 20, filter: $filter) { totalCount } } }`,
        { id: unitId, filter: reversed },
        {
          code: 'BAD_USER_INPUT',
          field: 'filter.reportedTo',
          value: '2024-02-01T00:00:00.000Z',
          fix: 'swap the two',
        },
      );
    });
  });
});
