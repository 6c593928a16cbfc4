import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

type Variables = Record<string, unknown>;
type NodeData = Record<string, unknown> & { id: string };

const CUSTOMER_FIELDS = `id code name kind region address notes isSynthetic
  contacts { name role phone email } version createdAt updatedAt`;
const SITE_FIELDS = `id name kind region latitude longitude timeZone customer { code }
  version createdAt updatedAt`;
const MODEL_FIELDS = `id manufacturer modelCode name category serviceManualRef maintenanceItems
  version createdAt updatedAt`;
const EQUIPMENT_FIELDS = `id serialNumber status commissionedOn warrantyEndsOn runningHours
  meterReadings { name value unit readAt } model { modelCode } customer { code }
  site { name } parent { serialNumber } isSynthetic version createdAt updatedAt`;
const STAFF_FIELDS = `id employeeNumber name department roles skills baseRegion email phone active
  certificates { name number validUntil } version createdAt updatedAt`;
const PAGE_FIELDS = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/** Sends an operation over HTTP, fails the test on any error and returns the data. */
async function succeed<T = Record<string, unknown>>(
  service: TestService,
  query: string,
  variables?: Variables,
): Promise<T> {
  const response = await service.http<T>(query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** Reads the current version of any record. */
async function currentVersion(service: TestService, id: string): Promise<number> {
  const data = await succeed<{ node: { version: number } }>(
    service,
    `query($id: ID!) { node(id: $id) { ... on Customer { version } ... on Site { version } ... on EquipmentModel { version } ... on Equipment { version } ... on Staff { version } } }`,
    { id },
  );
  return data.node.version;
}

/** Runs a create or update mutation and returns the record in its payload. */
async function mutate(
  service: TestService,
  mutation: string,
  inputType: string,
  payloadField: string,
  fields: string,
  input: Variables,
): Promise<NodeData> {
  // Updates carry the version they read; tests that do not test locking send the current one.
  if (mutation.startsWith('update') && input.version === undefined) {
    input = { ...input, version: await currentVersion(service, input.id as string) };
  }
  const data = await succeed<Record<string, Record<string, NodeData>>>(
    service,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${payloadField} { ${fields} } } }`,
    { input },
  );
  return data[mutation][payloadField];
}

const createCustomer = (service: TestService, input: Variables) =>
  mutate(service, 'createCustomer', 'CreateCustomerInput', 'customer', CUSTOMER_FIELDS, input);
const createSite = (service: TestService, input: Variables) =>
  mutate(service, 'createSite', 'CreateSiteInput', 'site', SITE_FIELDS, input);
const createModel = (service: TestService, input: Variables) =>
  mutate(
    service,
    'createEquipmentModel',
    'CreateEquipmentModelInput',
    'equipmentModel',
    MODEL_FIELDS,
    input,
  );
const createEquipment = (service: TestService, input: Variables) =>
  mutate(service, 'createEquipment', 'CreateEquipmentInput', 'equipment', EQUIPMENT_FIELDS, input);
const createStaff = (service: TestService, input: Variables) =>
  mutate(service, 'createStaff', 'CreateStaffInput', 'staff', STAFF_FIELDS, input);

/** Returns the database key inside a global ID, the tiebreaker of every list order. */
function databaseId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/**
 * Compares two strings by code unit. The test keys are chosen to sort the same way under SQLite's
 * binary collation and under PostgreSQL's C and English collations.
 */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

describe.skipIf(!databaseAvailable)('core records: create and update', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ demoData: false });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('creates a customer with contacts', async () => {
    const contacts = [
      {
        name: 'Liu Yang',
        role: 'Rig manager',
        phone: '+86 990 555 0101',
        email: 'rig@tarim.example',
      },
      { name: 'Ma Lin', role: null, phone: null, email: 'ma.lin@tarim.example' },
    ];
    const customer = await createCustomer(service, {
      code: 'TARIM-01',
      name: 'Tarim Basin Drilling',
      kind: 'DRILLING_CONTRACTOR',
      region: 'Xinjiang',
      address: 'Korla, Xinjiang',
      contacts,
      notes: 'Prefers phone contact',
    });

    expect(customer.code).toBe('TARIM-01');
    expect(customer.name).toBe('Tarim Basin Drilling');
    expect(customer.kind).toBe('DRILLING_CONTRACTOR');
    expect(customer.region).toBe('Xinjiang');
    expect(customer.address).toBe('Korla, Xinjiang');
    expect(customer.notes).toBe('Prefers phone contact');
    expect(customer.contacts).toEqual(contacts);
    expect(customer.isSynthetic).toBe(false);
    expect(customer.version).toBe(1);
    expect(Date.parse(customer.createdAt as string)).not.toBeNaN();
  });

  it('updates a customer', async () => {
    const created = await createCustomer(service, {
      code: 'SICHUAN-01',
      name: 'Sichuan Gas',
      kind: 'OPERATOR',
      region: 'Sichuan',
      address: 'Chengdu',
      contacts: [{ name: 'Old Contact' }],
    });
    await sleep(5);

    const updated = await mutate(
      service,
      'updateCustomer',
      'UpdateCustomerInput',
      'customer',
      CUSTOMER_FIELDS,
      {
        id: created.id,
        name: 'Sichuan Gas Field Company',
        kind: 'SERVICE_COMPANY',
        contacts: [{ name: 'He Jun', role: 'Field engineer', email: 'he.jun@sichuan.example' }],
      },
    );

    expect(updated.id).toBe(created.id);
    expect(updated.name).toBe('Sichuan Gas Field Company');
    expect(updated.kind).toBe('SERVICE_COMPANY');
    expect(updated.contacts).toEqual([
      { name: 'He Jun', role: 'Field engineer', phone: null, email: 'he.jun@sichuan.example' },
    ]);
    // Fields the update did not send keep their values.
    expect(updated.code).toBe('SICHUAN-01');
    expect(updated.region).toBe('Sichuan');
    expect(updated.address).toBe('Chengdu');
    expect(updated.version).toBe((created.version as number) + 1);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(Date.parse(updated.updatedAt as string)).toBeGreaterThan(
      Date.parse(created.updatedAt as string),
    );

    const read = await succeed<{ customer: NodeData }>(
      service,
      `query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`,
      { id: created.id },
    );
    expect(read.customer).toEqual(updated);
  });

  it('creates and updates a site', async () => {
    const customer = await createCustomer(service, {
      code: 'SITE-OWNER',
      name: 'Site Owner',
      kind: 'OPERATOR',
    });
    const site = await createSite(service, {
      customerId: customer.id,
      name: 'Well Pad 12',
      kind: 'WELL_SITE',
      region: 'Ordos',
      latitude: 39.6085,
      longitude: 109.7813,
      timeZone: 'Asia/Shanghai',
    });
    expect(site).toMatchObject({
      name: 'Well Pad 12',
      kind: 'WELL_SITE',
      region: 'Ordos',
      latitude: 39.6085,
      longitude: 109.7813,
      timeZone: 'Asia/Shanghai',
      customer: { code: 'SITE-OWNER' },
      version: 1,
    });

    const defaults = await createSite(service, {
      customerId: customer.id,
      name: 'Yard',
      kind: 'YARD',
    });
    expect(defaults.timeZone).toBe('UTC');
    expect(defaults.latitude).toBeNull();

    await sleep(5);
    const updated = await mutate(service, 'updateSite', 'UpdateSiteInput', 'site', SITE_FIELDS, {
      id: site.id,
      name: 'Well Pad 12A',
      kind: 'RIG',
      timeZone: 'UTC',
    });
    expect(updated).toMatchObject({
      id: site.id,
      name: 'Well Pad 12A',
      kind: 'RIG',
      region: 'Ordos',
      latitude: 39.6085,
      timeZone: 'UTC',
      version: 2,
      createdAt: site.createdAt,
    });
    expect(Date.parse(updated.updatedAt as string)).toBeGreaterThan(
      Date.parse(site.updatedAt as string),
    );
  });

  it('creates and updates an equipment model', async () => {
    const model = await createModel(service, {
      manufacturer: 'Honghua',
      modelCode: 'HH-F1600',
      name: 'Triplex mud pump',
      category: 'MUD_PUMP',
      serviceManualRef: 'SM-F1600-2021',
      maintenanceItems: ['Check liner wear', 'Change gear oil'],
    });
    expect(model).toMatchObject({
      manufacturer: 'Honghua',
      modelCode: 'HH-F1600',
      name: 'Triplex mud pump',
      category: 'MUD_PUMP',
      serviceManualRef: 'SM-F1600-2021',
      maintenanceItems: ['Check liner wear', 'Change gear oil'],
      version: 1,
    });

    await sleep(5);
    const updated = await mutate(
      service,
      'updateEquipmentModel',
      'UpdateEquipmentModelInput',
      'equipmentModel',
      MODEL_FIELDS,
      {
        id: model.id,
        serviceManualRef: 'SM-F1600-2024',
        maintenanceItems: ['Check liner wear', 'Change gear oil', 'Inspect valve seats'],
      },
    );
    expect(updated).toMatchObject({
      id: model.id,
      name: 'Triplex mud pump',
      serviceManualRef: 'SM-F1600-2024',
      maintenanceItems: ['Check liner wear', 'Change gear oil', 'Inspect valve seats'],
      version: 2,
      createdAt: model.createdAt,
    });
    expect(Date.parse(updated.updatedAt as string)).toBeGreaterThan(
      Date.parse(model.updatedAt as string),
    );
  });

  it('creates a unit with parent, site and meters', async () => {
    const customer = await createCustomer(service, {
      code: 'UNIT-OWNER',
      name: 'Unit Owner',
      kind: 'DRILLING_CONTRACTOR',
    });
    const site = await createSite(service, {
      customerId: customer.id,
      name: 'Rig 40',
      kind: 'RIG',
    });
    const rigModel = await createModel(service, {
      manufacturer: 'Honghua',
      modelCode: 'ZJ70',
      category: 'DRILLING_RIG',
    });
    const pumpModel = await createModel(service, {
      manufacturer: 'Honghua',
      modelCode: 'F-1600',
      category: 'MUD_PUMP',
    });
    const rig = await createEquipment(service, {
      serialNumber: 'RIG-40',
      modelId: rigModel.id,
      customerId: customer.id,
      siteId: site.id,
      commissionedOn: '2022-03-01',
      warrantyEndsOn: '2025-02-28',
    });
    const readings = [
      { name: 'strokes', value: '1250000', unit: 'strokes', readAt: '2026-11-30T08:00:00.000Z' },
      {
        name: 'discharge pressure',
        value: '34.5',
        unit: 'MPa',
        readAt: '2026-11-30T08:00:00.000Z',
      },
    ];
    const pump = await createEquipment(service, {
      serialNumber: 'MP-40-1',
      modelId: pumpModel.id,
      customerId: customer.id,
      siteId: site.id,
      parentId: rig.id,
      commissionedOn: '2022-03-01',
      status: 'UNDER_MAINTENANCE',
      runningHours: '12345.6',
      meterReadings: readings,
    });

    expect(rig).toMatchObject({
      serialNumber: 'RIG-40',
      status: 'IN_SERVICE',
      commissionedOn: '2022-03-01',
      warrantyEndsOn: '2025-02-28',
      runningHours: null,
      meterReadings: [],
      model: { modelCode: 'ZJ70' },
      customer: { code: 'UNIT-OWNER' },
      site: { name: 'Rig 40' },
      parent: null,
      isSynthetic: false,
      version: 1,
    });
    expect(pump).toMatchObject({
      serialNumber: 'MP-40-1',
      status: 'UNDER_MAINTENANCE',
      runningHours: '12345.6',
      meterReadings: readings,
      model: { modelCode: 'F-1600' },
      site: { name: 'Rig 40' },
      parent: { serialNumber: 'RIG-40' },
    });

    const read = await succeed<{ equipment: NodeData }>(
      service,
      `query($id: ID!) { equipment(id: $id) { ${EQUIPMENT_FIELDS} } }`,
      { id: pump.id },
    );
    expect(read.equipment).toEqual(pump);
  });

  it('returns running hours in one form', async () => {
    const customer = await createCustomer(service, {
      code: 'HOURS-OWNER',
      name: 'Hours Owner',
      kind: 'OPERATOR',
    });
    const model = await createModel(service, {
      manufacturer: 'Jereh',
      modelCode: 'FRAC-2500',
      category: 'FRACTURING_UNIT',
    });
    const unit = await createEquipment(service, {
      serialNumber: 'FR-2500-1',
      modelId: model.id,
      customerId: customer.id,
      runningHours: '1500',
    });
    const read = await succeed<{ equipment: { runningHours: string } }>(
      service,
      `query($id: ID!) { equipment(id: $id) { runningHours } }`,
      { id: unit.id },
    );
    // The payload of the create and a later read must agree, so clients can compare values.
    expect(read.equipment.runningHours).toBe(unit.runningHours);
  });

  it('updates a unit', async () => {
    const customer = await createCustomer(service, {
      code: 'UPDATE-OWNER',
      name: 'Update Owner',
      kind: 'SERVICE_COMPANY',
    });
    const site = await createSite(service, {
      customerId: customer.id,
      name: 'Base 3',
      kind: 'BASE',
    });
    const model = await createModel(service, {
      manufacturer: 'NOV',
      modelCode: 'TDS-11SA',
      category: 'TOP_DRIVE',
    });
    const parent = await createEquipment(service, {
      serialNumber: 'RIG-77',
      modelId: model.id,
      customerId: customer.id,
    });
    const unit = await createEquipment(service, {
      serialNumber: 'TD-77',
      modelId: model.id,
      customerId: customer.id,
      runningHours: '100.0',
    });
    await sleep(5);

    const updateFields = EQUIPMENT_FIELDS;
    const update = (input: Variables) =>
      mutate(service, 'updateEquipment', 'UpdateEquipmentInput', 'equipment', updateFields, input);
    const moved = await update({
      id: unit.id,
      siteId: site.id,
      parentId: parent.id,
      status: 'DOWN',
      runningHours: '250.5',
      meterReadings: [
        { name: 'torque', value: '42.1250', unit: 'kN·m', readAt: '2026-12-01T00:00:00Z' },
      ],
    });
    expect(moved).toMatchObject({
      id: unit.id,
      serialNumber: 'TD-77',
      status: 'DOWN',
      runningHours: '250.5',
      meterReadings: [
        { name: 'torque', value: '42.1250', unit: 'kN·m', readAt: '2026-12-01T00:00:00.000Z' },
      ],
      site: { name: 'Base 3' },
      parent: { serialNumber: 'RIG-77' },
      version: (unit.version as number) + 1,
      createdAt: unit.createdAt,
    });
    expect(Date.parse(moved.updatedAt as string)).toBeGreaterThan(
      Date.parse(unit.updatedAt as string),
    );

    const cleared = await update({ id: unit.id, siteId: null, parentId: null });
    expect(cleared.site).toBeNull();
    expect(cleared.parent).toBeNull();
    expect(cleared.status).toBe('DOWN');
    expect(cleared.version).toBe((moved.version as number) + 1);
  });

  it('creates and updates staff', async () => {
    const certificates = [
      { name: 'IWCF Well Control Level 3', number: 'IWCF-3-88120', validUntil: '2027-06-30' },
      { name: 'H2S Awareness', number: null, validUntil: null },
    ];
    const staff = await createStaff(service, {
      employeeNumber: 'E2001',
      name: 'Zhao Lei',
      department: 'REPAIR',
      roles: ['TECHNICIAN', 'TECHNICIAN', 'DISPATCHER'],
      skills: ['Mud pump overhaul', 'Hydraulics'],
      certificates,
      baseRegion: 'Xinjiang',
      email: 'zhao.lei@service.example',
      phone: '+86 990 555 0199',
    });
    expect(staff).toMatchObject({
      employeeNumber: 'E2001',
      name: 'Zhao Lei',
      department: 'REPAIR',
      // Repeated roles are stored once.
      roles: ['TECHNICIAN', 'DISPATCHER'],
      skills: ['Mud pump overhaul', 'Hydraulics'],
      certificates,
      baseRegion: 'Xinjiang',
      email: 'zhao.lei@service.example',
      phone: '+86 990 555 0199',
      active: true,
      version: 1,
    });

    await sleep(5);
    const updated = await mutate(
      service,
      'updateStaff',
      'UpdateStaffInput',
      'staff',
      STAFF_FIELDS,
      {
        id: staff.id,
        department: 'TECHNICAL_SUPPORT',
        roles: ['SUPPORT_ENGINEER'],
        certificates: [certificates[0]],
        active: false,
      },
    );
    expect(updated).toMatchObject({
      id: staff.id,
      employeeNumber: 'E2001',
      department: 'TECHNICAL_SUPPORT',
      roles: ['SUPPORT_ENGINEER'],
      skills: ['Mud pump overhaul', 'Hydraulics'],
      certificates: [certificates[0]],
      active: false,
      version: 2,
      createdAt: staff.createdAt,
    });
    expect(Date.parse(updated.updatedAt as string)).toBeGreaterThan(
      Date.parse(staff.updatedAt as string),
    );
  });

  it('keeps a parent version when children are added', async () => {
    const customer = await createCustomer(service, {
      code: 'STABLE-01',
      name: 'Stable Owner',
      kind: 'OPERATOR',
      contacts: [{ name: 'Guo Ning' }],
    });
    const model = await createModel(service, {
      manufacturer: 'Kerui',
      modelCode: 'KR-C100',
      category: 'COMPRESSOR',
    });
    const site = await createSite(service, {
      customerId: customer.id,
      name: 'Plant 1',
      kind: 'PLANT',
    });
    await createEquipment(service, {
      serialNumber: 'CP-100',
      modelId: model.id,
      customerId: customer.id,
      siteId: site.id,
    });

    // Adding a site or a unit writes new rows only: the owner, the model and the site are unchanged.
    const read = await succeed<{ customer: NodeData; equipmentModel: NodeData; site: NodeData }>(
      service,
      `query($customer: ID!, $model: ID!, $site: ID!) {
        customer(id: $customer) { version updatedAt }
        equipmentModel(id: $model) { version updatedAt }
        site(id: $site) { version updatedAt }
      }`,
      { customer: customer.id, model: model.id, site: site.id },
    );
    expect(read.customer).toEqual({ version: 1, updatedAt: customer.updatedAt });
    expect(read.equipmentModel).toEqual({ version: 1, updatedAt: model.updatedAt });
    expect(read.site).toEqual({ version: 1, updatedAt: site.updatedAt });
  });

  it('keeps the version of an update that changes nothing', async () => {
    const customer = await createCustomer(service, {
      code: 'NOOP-01',
      name: 'Unchanged',
      kind: 'DISTRIBUTOR',
    });
    const same = await mutate(
      service,
      'updateCustomer',
      'UpdateCustomerInput',
      'customer',
      CUSTOMER_FIELDS,
      { id: customer.id, name: 'Unchanged' },
    );
    expect(same.version).toBe(1);
    expect(same.updatedAt).toBe(customer.updatedAt);
  });
});

describe.skipIf(!databaseAvailable)('core records: lookups', () => {
  let service: TestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestService({ demoData: false });
    const customer = await createCustomer(service, {
      code: 'LOOKUP-01',
      name: 'Lookup Operator',
      kind: 'OPERATOR',
    });
    const site = await createSite(service, {
      customerId: customer.id,
      name: 'Lookup Base',
      kind: 'BASE',
    });
    const model = await createModel(service, {
      manufacturer: 'Baomi',
      modelCode: 'BOP-35',
      category: 'BLOWOUT_PREVENTER',
    });
    const unit = await createEquipment(service, {
      serialNumber: 'BOP-35-0001',
      modelId: model.id,
      customerId: customer.id,
      siteId: site.id,
    });
    const staff = await createStaff(service, {
      employeeNumber: 'E3001',
      name: 'Sun Hao',
      department: 'AFTER_SALES_MANAGEMENT',
      roles: ['SERVICE_MANAGER'],
    });
    const order = await succeed<{ createRepairOrder: { repairOrder: { id: string } } }>(
      service,
      `mutation($input: CreateRepairOrderInput!) {
        createRepairOrder(input: $input) { repairOrder { id } } }`,
      {
        input: {
          equipmentId: unit.id,
          channel: 'PHONE',
          faultDescription: 'Annular preventer leaks',
          orderType: 'CORRECTIVE_REPAIR',
        },
      },
    );
    Object.assign(ids, {
      Customer: customer.id,
      Site: site.id,
      EquipmentModel: model.id,
      Equipment: unit.id,
      Staff: staff.id,
      RepairOrder: order.createRepairOrder.repairOrder.id,
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  it.each([
    ['customer', 'Customer', 'code', 'LOOKUP-01'],
    ['site', 'Site', 'name', 'Lookup Base'],
    ['equipmentModel', 'EquipmentModel', 'modelCode', 'BOP-35'],
    ['equipment', 'Equipment', 'serialNumber', 'BOP-35-0001'],
    ['staffMember', 'Staff', 'employeeNumber', 'E3001'],
    ['repairOrder', 'RepairOrder', 'faultDescription', 'Annular preventer leaks'],
  ])('finds a record with %s(id:)', async (query, typeName, field, value) => {
    const data = await succeed<Record<string, Record<string, unknown>>>(
      service,
      `query($id: ID!) { ${query}(id: $id) { __typename id ${field} } }`,
      { id: ids[typeName] },
    );
    expect(data[query]).toEqual({ __typename: typeName, id: ids[typeName], [field]: value });
  });

  it.each([
    ['customerByCode', 'code', 'LOOKUP-01', 'Customer'],
    ['equipmentBySerial', 'serial', 'BOP-35-0001', 'Equipment'],
    ['staffByEmployeeNumber', 'employeeNumber', 'E3001', 'Staff'],
  ])('finds a record with %s', async (query, argument, key, typeName) => {
    const data = await succeed<Record<string, Record<string, unknown>>>(
      service,
      `query($key: String!) { ${query}(${argument}: $key) { __typename id } }`,
      { key },
    );
    expect(data[query]).toEqual({ __typename: typeName, id: ids[typeName] });
  });

  it.each([
    ['Customer', 'code', 'LOOKUP-01'],
    ['Site', 'name', 'Lookup Base'],
    ['EquipmentModel', 'modelCode', 'BOP-35'],
    ['Equipment', 'serialNumber', 'BOP-35-0001'],
    ['Staff', 'employeeNumber', 'E3001'],
    ['RepairOrder', 'faultDescription', 'Annular preventer leaks'],
  ])('resolves a %s through node', async (typeName, field, value) => {
    const data = await succeed<{ node: Record<string, unknown> }>(
      service,
      `query($id: ID!) { node(id: $id) { __typename id ... on ${typeName} { ${field} } } }`,
      { id: ids[typeName] },
    );
    expect(data.node).toEqual({ __typename: typeName, id: ids[typeName], [field]: value });
  });
});

describe.skipIf(!databaseAvailable)('core records: list filters', () => {
  let service: TestService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestService({ demoData: false });
    const customers: [string, string, string, string | null][] = [
      ['LST-ALPHA', 'Alpha Drilling', 'DRILLING_CONTRACTOR', 'Xinjiang'],
      ['LST-BETA', 'Beta Oil', 'OPERATOR', 'Sichuan'],
      ['LST-GAMMA', 'Gamma Energy Services', 'SERVICE_COMPANY', 'Xinjiang'],
      ['LST-DELTA', 'Delta Supply', 'DISTRIBUTOR', null],
    ];
    for (const [code, name, kind, region] of customers) {
      ids[code] = (await createCustomer(service, { code, name, kind, region })).id;
    }
    const sites: [string, string, string, string][] = [
      ['Karamay Base', 'LST-ALPHA', 'BASE', 'Xinjiang'],
      ['Rig 12', 'LST-ALPHA', 'RIG', 'Xinjiang'],
      ['Well Pad 7', 'LST-BETA', 'WELL_SITE', 'Sichuan'],
    ];
    for (const [name, owner, kind, region] of sites) {
      ids[name] = (await createSite(service, { customerId: ids[owner], name, kind, region })).id;
    }
    const models: [string, string, string, string | null][] = [
      ['Honghua', 'F-1600', 'MUD_PUMP', 'Triplex mud pump'],
      ['Honghua', 'ZJ70', 'DRILLING_RIG', 'Land rig'],
      ['NOV', 'TDS-11SA', 'TOP_DRIVE', null],
    ];
    for (const [manufacturer, modelCode, category, name] of models) {
      const model = await createModel(service, { manufacturer, modelCode, category, name });
      ids[modelCode] = model.id;
    }
    const units: [string, string, string, string | null, string | null, string][] = [
      ['RIG-12', 'ZJ70', 'LST-ALPHA', 'Rig 12', null, 'IN_SERVICE'],
      ['MP-1201', 'F-1600', 'LST-ALPHA', 'Rig 12', 'RIG-12', 'DOWN'],
      ['MP-1202', 'F-1600', 'LST-ALPHA', 'Rig 12', 'RIG-12', 'IN_SERVICE'],
      ['TD-0007', 'TDS-11SA', 'LST-BETA', 'Well Pad 7', null, 'UNDER_REPAIR'],
      ['MP-0900', 'F-1600', 'LST-BETA', null, null, 'DECOMMISSIONED'],
    ];
    for (const [serialNumber, model, owner, site, parent, status] of units) {
      const unit = await createEquipment(service, {
        serialNumber,
        modelId: ids[model],
        customerId: ids[owner],
        siteId: site ? ids[site] : null,
        parentId: parent ? ids[parent] : null,
        status,
      });
      ids[serialNumber] = unit.id;
    }
    const staff: [string, string, string, string[], string | null][] = [
      ['E1001', 'Li Wei', 'REPAIR', ['TECHNICIAN'], 'Xinjiang'],
      ['E1002', 'Wang Fang', 'TECHNICAL_SUPPORT', ['SUPPORT_ENGINEER', 'TECHNICIAN'], 'Sichuan'],
      ['E1003', 'Zhang Min', 'AFTER_SALES_MANAGEMENT', ['SERVICE_MANAGER', 'ADMIN'], 'Beijing'],
      ['E1004', 'Chen Jie', 'PARTS_SUPPLY', ['PARTS_CLERK'], null],
    ];
    for (const [employeeNumber, name, department, roles, baseRegion] of staff) {
      const member = await createStaff(service, {
        employeeNumber,
        name,
        department,
        roles,
        baseRegion,
      });
      ids[employeeNumber] = member.id;
    }
    await succeed(
      service,
      `mutation($id: ID!, $version: Int!) { updateStaff(input: {id: $id, version: $version, active: false}) { staff { id } } }`,
      { id: ids.E1004, version: await currentVersion(service, ids.E1004) },
    );
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Returns `key` of every record that `list` returns for `filter`, and checks totalCount. */
  async function listKeys(
    list: string,
    filterType: string,
    key: string,
    filter: Variables,
  ): Promise<string[]> {
    const data = await succeed<Record<string, Connection<Record<string, string>>>>(
      service,
      `query($filter: ${filterType}) {
        ${list}(filter: $filter, first: 100) { totalCount edges { node { ${key} } } } }`,
      { filter },
    );
    const keys = data[list].edges.map((edge) => edge.node[key]);
    expect(data[list].totalCount, `${list} totalCount`).toBe(keys.length);
    return keys;
  }

  it.each([
    [{ text: 'alpha' }, ['LST-ALPHA']],
    [{ text: 'lst-b' }, ['LST-BETA']],
    [{ text: 'ENERGY' }, ['LST-GAMMA']],
    [{ kind: 'OPERATOR' }, ['LST-BETA']],
    [{ region: 'Xinjiang' }, ['LST-ALPHA', 'LST-GAMMA']],
    [{ kind: 'DRILLING_CONTRACTOR', region: 'Xinjiang' }, ['LST-ALPHA']],
    [{}, ['LST-ALPHA', 'LST-BETA', 'LST-DELTA', 'LST-GAMMA']],
  ])('filters customers by %j', async (filter, expected) => {
    expect(await listKeys('customers', 'CustomerFilter', 'code', filter)).toEqual(expected);
  });

  it.each([
    [{ customer: 'LST-ALPHA' }, ['Karamay Base', 'Rig 12']],
    [{ kind: 'RIG' }, ['Rig 12']],
    [{ region: 'Sichuan' }, ['Well Pad 7']],
    [{ text: 'PAD' }, ['Well Pad 7']],
    [{}, ['Karamay Base', 'Rig 12', 'Well Pad 7']],
  ])('filters sites by %j', async (given, expected) => {
    const { customer, ...filter } = given as Variables & { customer?: string };
    if (customer) filter.customerId = ids[customer];
    expect(await listKeys('sites', 'SiteFilter', 'name', filter)).toEqual(expected);
  });

  it.each([
    [{ customer: 'LST-ALPHA' }, ['MP-1201', 'MP-1202', 'RIG-12']],
    [{ site: 'Rig 12' }, ['MP-1201', 'MP-1202', 'RIG-12']],
    [{ model: 'F-1600' }, ['MP-0900', 'MP-1201', 'MP-1202']],
    [{ category: 'MUD_PUMP' }, ['MP-0900', 'MP-1201', 'MP-1202']],
    [{ category: 'TOP_DRIVE' }, ['TD-0007']],
    [{ status: 'DOWN' }, ['MP-1201']],
    [{ text: 'td-' }, ['TD-0007']],
    [{ customer: 'LST-BETA', status: 'DECOMMISSIONED' }, ['MP-0900']],
    [{}, ['MP-0900', 'MP-1201', 'MP-1202', 'RIG-12', 'TD-0007']],
  ])('filters equipment by %j', async (given, expected) => {
    const { customer, site, model, ...filter } = given as Variables & Record<string, string>;
    if (customer) filter.customerId = ids[customer];
    if (site) filter.siteId = ids[site];
    if (model) filter.modelId = ids[model];
    expect(await listKeys('equipmentList', 'EquipmentFilter', 'serialNumber', filter)).toEqual(
      expected,
    );
  });

  it.each([
    [{ category: 'TOP_DRIVE' }, ['TDS-11SA']],
    [{ manufacturer: 'Honghua' }, ['F-1600', 'ZJ70']],
    [{ text: 'MUD' }, ['F-1600']],
    [{ text: 'zj' }, ['ZJ70']],
    [{}, ['F-1600', 'TDS-11SA', 'ZJ70']],
  ])('filters equipment models by %j', async (filter, expected) => {
    expect(await listKeys('equipmentModels', 'EquipmentModelFilter', 'modelCode', filter)).toEqual(
      expected,
    );
  });

  it.each([
    [{ department: 'REPAIR' }, ['E1001']],
    [{ active: true }, ['E1001', 'E1002', 'E1003']],
    [{ active: false }, ['E1004']],
    [{ baseRegion: 'Sichuan' }, ['E1002']],
    [{ text: 'wang' }, ['E1002']],
    [{ text: 'e100' }, ['E1001', 'E1002', 'E1003', 'E1004']],
    [{ department: 'PARTS_SUPPLY', active: true }, []],
  ])('filters staff by %j', async (filter, expected) => {
    expect(await listKeys('staffMembers', 'StaffFilter', 'employeeNumber', filter)).toEqual(
      expected,
    );
  });

  it.each([
    ['TECHNICIAN', ['E1001', 'E1002']],
    ['ADMIN', ['E1003']],
    ['PARTS_CLERK', ['E1004']],
    ['VIEWER', []],
  ])('filters staff by role %s', async (role, expected) => {
    expect(await listKeys('staffMembers', 'StaffFilter', 'employeeNumber', { role })).toEqual(
      expected,
    );
  });

  it('lists sites and units of each customer', async () => {
    const data = await succeed<{
      customers: Connection<{
        code: string;
        sites: Connection<{ name: string }>;
        equipment: Connection<{ serialNumber: string; site: { name: string } | null }>;
      }>;
    }>(
      service,
      `{ customers(first: 20, filter: {text: "LST-"}) { edges { node { code
          sites(first: 20) { totalCount edges { node { name } } }
          equipment(first: 20) { totalCount edges { node { serialNumber site { name } } } } } } } }`,
    );
    const byCode = Object.fromEntries(
      data.customers.edges.map((edge) => [edge.node.code, edge.node]),
    );

    expect(byCode['LST-ALPHA'].sites.edges.map((edge) => edge.node.name)).toEqual([
      'Karamay Base',
      'Rig 12',
    ]);
    expect(byCode['LST-ALPHA'].sites.totalCount).toBe(2);
    expect(byCode['LST-ALPHA'].equipment.edges.map((edge) => edge.node.serialNumber)).toEqual([
      'MP-1201',
      'MP-1202',
      'RIG-12',
    ]);
    expect(byCode['LST-ALPHA'].equipment.totalCount).toBe(3);
    expect(byCode['LST-BETA'].sites.edges.map((edge) => edge.node.name)).toEqual(['Well Pad 7']);
    expect(byCode['LST-BETA'].equipment.edges.map((edge) => edge.node)).toEqual([
      { serialNumber: 'MP-0900', site: null },
      { serialNumber: 'TD-0007', site: { name: 'Well Pad 7' } },
    ]);
    expect(byCode['LST-BETA'].equipment.totalCount).toBe(2);
    expect(byCode['LST-DELTA'].sites).toMatchObject({ totalCount: 0, edges: [] });
    expect(byCode['LST-DELTA'].equipment).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('lists units standing at each site', async () => {
    const data = await succeed<{
      sites: Connection<{ name: string; equipment: Connection<{ serialNumber: string }> }>;
    }>(
      service,
      `{ sites(first: 20) { edges { node { name equipment(first: 20) { totalCount edges { node { serialNumber } } } } } } }`,
    );
    const bySite = Object.fromEntries(
      data.sites.edges.map((edge) => [
        edge.node.name,
        {
          serials: edge.node.equipment.edges.map((unit) => unit.node.serialNumber),
          totalCount: edge.node.equipment.totalCount,
        },
      ]),
    );
    expect(bySite).toEqual({
      'Karamay Base': { serials: [], totalCount: 0 },
      'Rig 12': { serials: ['MP-1201', 'MP-1202', 'RIG-12'], totalCount: 3 },
      'Well Pad 7': { serials: ['TD-0007'], totalCount: 1 },
    });
  });

  it('lists the components of each unit', async () => {
    const data = await succeed<{
      equipmentList: Connection<{
        serialNumber: string;
        parent: { serialNumber: string } | null;
        components: Connection<{ serialNumber: string }>;
      }>;
    }>(
      service,
      `{ equipmentList(first: 20) { edges { node { serialNumber parent { serialNumber }
          components(first: 20) { totalCount edges { node { serialNumber } } } } } } }`,
    );
    const byUnit = Object.fromEntries(
      data.equipmentList.edges.map((edge) => [
        edge.node.serialNumber,
        {
          parent: edge.node.parent?.serialNumber ?? null,
          components: edge.node.components.edges.map((unit) => unit.node.serialNumber),
          totalCount: edge.node.components.totalCount,
        },
      ]),
    );
    expect(byUnit).toEqual({
      'MP-0900': { parent: null, components: [], totalCount: 0 },
      'MP-1201': { parent: 'RIG-12', components: [], totalCount: 0 },
      'MP-1202': { parent: 'RIG-12', components: [], totalCount: 0 },
      'RIG-12': { parent: null, components: ['MP-1201', 'MP-1202'], totalCount: 2 },
      'TD-0007': { parent: null, components: [], totalCount: 0 },
    });
  });
});

describe.skipIf(!databaseAvailable)('core records: ordering and pagination', () => {
  let service: TestService;
  let ownerId: string;
  let siteId: string;
  /** The 25 customers, as their create payloads returned them. */
  const customers: NodeData[] = [];
  const units: NodeData[] = [];
  const names = ['Apex', 'Borealis', 'Cobalt', 'Dune', 'Ember'];

  beforeAll(async () => {
    service = await startTestService({ demoData: false });
    // Codes are created out of order so that code order and creation order differ.
    for (let step = 0; step < 25; step += 1) {
      const number = ((step * 7) % 25) + 1;
      customers.push(
        await createCustomer(service, {
          code: `PG-${String(number).padStart(2, '0')}`,
          // Five customers share each name, so the id breaks ties in name order.
          name: names[number % names.length],
          kind: 'OPERATOR',
        }),
      );
    }
    ownerId = customers.find((customer) => customer.code === 'PG-01')!.id;
    siteId = (await createSite(service, { customerId: ownerId, name: 'Site 00', kind: 'YARD' })).id;
    for (let number = 1; number < 25; number += 1) {
      await createSite(service, {
        customerId: ownerId,
        name: `Site ${String(number).padStart(2, '0')}`,
        kind: 'YARD',
      });
    }
    const modelIds: string[] = [];
    for (let number = 1; number <= 25; number += 1) {
      const model = await createModel(service, {
        manufacturer: 'Paging Works',
        modelCode: `PW-${String(number).padStart(2, '0')}`,
        category: 'OTHER',
      });
      modelIds.push(model.id);
    }
    for (let step = 0; step < 25; step += 1) {
      const number = ((step * 11) % 25) + 1;
      units.push(
        await createEquipment(service, {
          serialNumber: `PU-${String(number).padStart(2, '0')}`,
          modelId: modelIds[step],
          customerId: ownerId,
          siteId,
        }),
      );
    }
    for (let number = 1; number <= 25; number += 1) {
      await createStaff(service, {
        employeeNumber: `P${String(number).padStart(3, '0')}`,
        name: 'Paging Staff',
        department: 'REPAIR',
      });
    }
  });
  afterAll(async () => {
    await service?.close();
  });

  /**
   * Walks a connection with `first` records a page, following endCursor while hasNextPage is
   * true. `select` picks the connection out of the response data.
   */
  async function walk<T>(
    query: string,
    variables: Variables,
    select: (data: Record<string, unknown>) => Connection<T>,
    first = 10,
  ): Promise<Connection<T>[]> {
    const pages: Connection<T>[] = [];
    let after: string | null = null;
    do {
      const data = await succeed(service, query, { ...variables, first, after });
      const page = select(data);
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);
    return pages;
  }

  /** Checks page sizes, page info and totalCount of a walk over 25 records. */
  function expectPagesOf25<T>(pages: Connection<T>[]): void {
    expect(pages.map((page) => page.edges.length)).toEqual([10, 10, 5]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.map((page) => page.totalCount)).toEqual([25, 25, 25]);
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
    }
  }

  it.each([
    ['customers', 'code', 'PG-'],
    ['sites', 'name', 'Site '],
    ['equipmentModels', 'modelCode', 'PW-'],
    ['equipmentList', 'serialNumber', 'PU-'],
    ['staffMembers', 'employeeNumber', 'P0'],
  ])('pages through 25 %s', async (list, key, prefix) => {
    const pages = await walk<Record<string, string>>(
      `query($first: Int, $after: String) {
        ${list}(first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { ${key} } } } }`,
      {},
      (data) => data[list] as Connection<Record<string, string>>,
    );
    expectPagesOf25(pages);

    const keys = pages.flatMap((page) => page.edges.map((edge) => edge.node[key]));
    expect(new Set(keys).size).toBe(25);
    expect(keys.every((value) => value.startsWith(prefix))).toBe(true);
    expect(keys).toEqual([...keys].sort(compareText));

    const beyond = await succeed<Record<string, Connection<unknown>>>(
      service,
      `query($after: String) { ${list}(first: 10, after: $after) { ${PAGE_FIELDS} edges { cursor } } }`,
      { after: pages[2].pageInfo.endCursor },
    );
    expect(beyond[list].edges).toEqual([]);
    expect(beyond[list].pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    expect(beyond[list].totalCount).toBe(25);
  });

  it.each([
    ['Customer.equipment', 'customer', () => ownerId],
    ['Site.equipment', 'site', () => siteId],
  ])('pages through 25 units of %s', async (_name, query, parentId) => {
    const pages = await walk<{ serialNumber: string }>(
      `query($id: ID!, $first: Int, $after: String) { ${query}(id: $id) {
        equipment(first: $first, after: $after) { ${PAGE_FIELDS}
          edges { cursor node { serialNumber } } } } }`,
      { id: parentId() },
      (data) => (data[query] as { equipment: Connection<{ serialNumber: string }> }).equipment,
    );
    expectPagesOf25(pages);
    const serials = pages.flatMap((page) => page.edges.map((edge) => edge.node.serialNumber));
    expect(serials).toEqual(units.map((unit) => unit.serialNumber as string).sort(compareText));
  });

  it('pages through 25 sites of a customer', async () => {
    const pages = await walk<{ name: string }>(
      `query($id: ID!, $first: Int, $after: String) { customer(id: $id) {
        sites(first: $first, after: $after) { ${PAGE_FIELDS} edges { cursor node { name } } } } }`,
      { id: ownerId },
      (data) => (data.customer as { sites: Connection<{ name: string }> }).sites,
    );
    expectPagesOf25(pages);
    const siteNames = pages.flatMap((page) => page.edges.map((edge) => edge.node.name));
    expect(siteNames).toEqual(
      Array.from({ length: 25 }, (_, number) => `Site ${String(number).padStart(2, '0')}`),
    );
  });

  const customerOrders: [string, string, (record: NodeData) => string][] = [
    ['CODE', 'ASC', (record) => record.code as string],
    ['CODE', 'DESC', (record) => record.code as string],
    ['NAME', 'ASC', (record) => record.name as string],
    ['NAME', 'DESC', (record) => record.name as string],
    ['CREATED_AT', 'ASC', (record) => record.createdAt as string],
    ['CREATED_AT', 'DESC', (record) => record.createdAt as string],
  ];

  it.each(customerOrders)('sorts customers by %s %s', async (field, direction, sortValue) => {
    const pages = await walk<{ id: string }>(
      `query($first: Int, $after: String, $orderBy: CustomerOrder) {
        customers(first: $first, after: $after, orderBy: $orderBy) {
          ${PAGE_FIELDS} edges { cursor node { id } } } }`,
      { orderBy: { field, direction } },
      (data) => data.customers as Connection<{ id: string }>,
      7,
    );
    const sign = direction === 'ASC' ? 1 : -1;
    const expected = [...customers]
      .sort(
        (a, b) =>
          sign *
          (compareText(sortValue(a), sortValue(b)) ||
            compareText(databaseId(a.id), databaseId(b.id))),
      )
      .map((customer) => customer.id);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(expected);
    expect(pages.map((page) => page.edges.length)).toEqual([7, 7, 7, 4]);
  });

  const equipmentOrders: [string, string, (record: NodeData) => string][] = [
    ['SERIAL_NUMBER', 'ASC', (record) => record.serialNumber as string],
    ['SERIAL_NUMBER', 'DESC', (record) => record.serialNumber as string],
    ['CREATED_AT', 'ASC', (record) => record.createdAt as string],
    ['CREATED_AT', 'DESC', (record) => record.createdAt as string],
  ];

  it.each(equipmentOrders)('sorts equipment by %s %s', async (field, direction, sortValue) => {
    const pages = await walk<{ id: string }>(
      `query($first: Int, $after: String, $orderBy: EquipmentOrder) {
        equipmentList(first: $first, after: $after, orderBy: $orderBy) {
          ${PAGE_FIELDS} edges { cursor node { id } } } }`,
      { orderBy: { field, direction } },
      (data) => data.equipmentList as Connection<{ id: string }>,
      7,
    );
    const sign = direction === 'ASC' ? 1 : -1;
    const expected = [...units]
      .sort(
        (a, b) =>
          sign *
          (compareText(sortValue(a), sortValue(b)) ||
            compareText(databaseId(a.id), databaseId(b.id))),
      )
      .map((unit) => unit.id);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(expected);
  });

  // Runs last because it adds two customers to the list the tests above count.
  it('keeps its place when records are added', async () => {
    const query = `query($after: String) {
      customers(first: 10, after: $after) { ${PAGE_FIELDS} edges { cursor node { code } } } }`;
    const first = await succeed<{ customers: Connection<{ code: string }> }>(service, query, {});
    await createCustomer(service, { code: 'PG-00', name: 'Early', kind: 'OPERATOR' });
    await createCustomer(service, { code: 'PG-99', name: 'Late', kind: 'OPERATOR' });

    const codes = first.customers.edges.map((edge) => edge.node.code);
    let after: string | null = first.customers.pageInfo.endCursor;
    while (after !== null) {
      const page: { customers: Connection<{ code: string }> } = await succeed(service, query, {
        after,
      });
      codes.push(...page.customers.edges.map((edge) => edge.node.code));
      expect(page.customers.totalCount).toBe(27);
      after = page.customers.pageInfo.hasNextPage ? page.customers.pageInfo.endCursor : null;
    }

    // PG-00 sorts before the first page's cursor, so a keyset walk skips it and repeats nothing.
    expect(codes).toHaveLength(26);
    expect(new Set(codes).size).toBe(26);
    expect(codes).not.toContain('PG-00');
    expect(codes[codes.length - 1]).toBe('PG-99');
  });
});
