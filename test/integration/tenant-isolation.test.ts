import fc from 'fast-check';
import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatServiceError } from '../../core/api/error-formatting.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import { seedTenants } from '../support/tenant-fixture.js';
import {
  errorCodes,
  ResponseChecker,
  TenantModel,
  type GraphQLResponse,
  type Json,
  type ModelRecord,
  type RecordType,
  type Viewer,
} from '../support/tenant-model.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

/** A fixed seed, so that a failure replays. Set TENANT_ISOLATION_SEED to explore others. */
const SEED = Number(process.env.TENANT_ISOLATION_SEED ?? 20_261_204);
const NUM_RUNS = 1_000;

type ViewerName = 'ALF key' | 'BRV key' | 'CHL key' | 'company viewer';

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage endCursor }';

/**
 * Fields selected for each type: identifiers, costs, contacts and references. `unit` and
 * `boundCustomer` are aliases, because `node` selects every type in one selection set, where
 * `equipment` and `customer` of different types would conflict.
 */
const FIELDS: Record<RecordType, string> = {
  Customer: '__typename id code name',
  Site: '__typename id name customer { __typename id code }',
  EquipmentModel: '__typename id modelCode',
  Equipment: `__typename id serialNumber customer { __typename id code } site { __typename id name }
    parent { __typename id serialNumber }`,
  RepairOrder: `__typename id number faultDescription cost { amount currency }
    customer { __typename id code } unit: equipment { __typename id serialNumber }`,
  Staff: '__typename id employeeNumber name email phone',
  ApiClient: '__typename id name keyPrefix boundCustomer: customer { __typename id code }',
};

const NODE_QUERY = `query Node($id: ID!) {
  node(id: $id) {
    __typename id
    ${Object.entries(FIELDS)
      .map(([type, fields]) => `... on ${type} { ${fields} }`)
      .join('\n    ')}
  }
}`;

/** One paged nested list per root type, plus unpaged nested lists and references around it. */
const NESTED_QUERY = `query Nested($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    __typename id
    ... on Customer {
      sites(first: 10) { ${PAGE} edges { node { __typename id name
        equipment(first: 10) { ${PAGE} edges { node { __typename id serialNumber } } } } } }
      equipment(first: $first, after: $after) { ${PAGE} edges { node { __typename id serialNumber
        parent { __typename id serialNumber }
        components(first: 10) { ${PAGE} edges { node { __typename id serialNumber } } } } } }
    }
    ... on Site {
      customer { __typename id code equipment(first: 10) { totalCount } }
      equipment(first: $first, after: $after) { ${PAGE} edges { node { __typename id serialNumber
        site { __typename id }
        repairOrders(first: 10) { ${PAGE} edges { node { __typename id number
          cost { amount currency } } } } } } }
    }
    ... on Equipment {
      customer { __typename id code sites(first: 10) { totalCount } }
      site { __typename id name equipment(first: 10) { totalCount } }
      parent { __typename id serialNumber components(first: 10) { totalCount } }
      components(first: 10) { ${PAGE} edges { node { __typename id serialNumber } } }
      repairOrders(first: $first, after: $after) { ${PAGE} edges { node { __typename id number
        cost { amount currency } customer { __typename id code } } } }
    }
    ... on RepairOrder {
      number cost { amount currency }
      customer { __typename id code equipment(first: 10) { totalCount } }
      unit: equipment { __typename id serialNumber customer { __typename id code }
        repairOrders(first: $first, after: $after) {
          ${PAGE} edges { node { __typename id number } } } }
    }
  }
}`;

/** Where the paged nested list of NESTED_QUERY sits, by root type. */
const PAGED_NESTED_PATH: Partial<Record<RecordType, string[]>> = {
  Customer: ['equipment'],
  Site: ['equipment'],
  Equipment: ['repairOrders'],
  RepairOrder: ['unit', 'repairOrders'],
};

type ListName =
  | 'customers'
  | 'sites'
  | 'equipmentList'
  | 'repairOrders'
  | 'equipmentModels'
  | 'staffMembers'
  | 'apiClients';

/** Root lists: the record type, the filter input type, and which filters the list takes. */
const LISTS: Record<
  ListName,
  { type: RecordType; filterType?: string; customerFilter: boolean; textFilter: boolean }
> = {
  customers: {
    type: 'Customer',
    filterType: 'CustomerFilter',
    customerFilter: false,
    textFilter: true,
  },
  sites: { type: 'Site', filterType: 'SiteFilter', customerFilter: true, textFilter: true },
  equipmentList: {
    type: 'Equipment',
    filterType: 'EquipmentFilter',
    customerFilter: true,
    textFilter: true,
  },
  repairOrders: {
    type: 'RepairOrder',
    filterType: 'RepairOrderFilter',
    customerFilter: true,
    textFilter: true,
  },
  equipmentModels: {
    type: 'EquipmentModel',
    filterType: 'EquipmentModelFilter',
    customerFilter: false,
    textFilter: false,
  },
  staffMembers: {
    type: 'Staff',
    filterType: 'StaffFilter',
    customerFilter: false,
    textFilter: true,
  },
  apiClients: { type: 'ApiClient', customerFilter: false, textFilter: false },
};

const BY_ID: Partial<Record<RecordType, string>> = {
  Customer: 'customer',
  Site: 'site',
  EquipmentModel: 'equipmentModel',
  Equipment: 'equipment',
  RepairOrder: 'repairOrder',
  Staff: 'staffMember',
};

const BY_NATURAL_KEY: Partial<Record<RecordType, [field: string, argument: string]>> = {
  Customer: ['customerByCode', 'code'],
  Equipment: ['equipmentBySerial', 'serial'],
  RepairOrder: ['repairOrderByNumber', 'number'],
  Staff: ['staffByEmployeeNumber', 'employeeNumber'],
};

/** Root fields a viewer may not call at all, whatever the record. */
function isForbiddenRoot(viewer: Viewer, field: string): boolean {
  const staffOnly = ['staffMember', 'staffByEmployeeNumber', 'staffMembers'];
  if (field === 'apiClients') return true; // admins only, and no viewer here is an admin
  if (field === 'createRepairOrder') return !viewer.customerId; // VIEWER lacks the dispatch roles
  return Boolean(viewer.customerId) && staffOnly.includes(field);
}

type AccessPath =
  | {
      path: 'list';
      list: ListName;
      customerFilter?: string;
      text?: string;
      first: number;
      paginate: boolean;
    }
  | { path: 'byId'; record: string }
  | { path: 'naturalKey'; record: string }
  | { path: 'node'; record: string }
  | { path: 'nested'; record: string; first: number; paginate: boolean }
  | { path: 'createRepairOrder'; equipment: string; withCost: boolean };

interface IsolationCase {
  viewer: ViewerName;
  transport: 'in-process' | 'http';
  access: AccessPath;
}

interface NestedPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Json }[];
}

/** Returns the value under `path` in a response's data, or null where the path ends early. */
function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Json | null)?.[key] ?? null, data);
}

/**
 * Words for `filter.text`. The property adds every natural key, so a search can name another
 * customer's record.
 */
const SEARCH_WORDS = ['RIG', 'mp-', 'Drilling', 'leak', 'ALF', 'BRV', 'CHL', 'XFER', 'Yard', 'zzz'];

describe.skipIf(!databaseAvailable)('tenant isolation', () => {
  let service: TestService;
  let model: TenantModel;
  let viewers: Map<ViewerName, Viewer>;
  const executed = new Map<string, number>();

  beforeAll(async () => {
    service = await startTestService();
    const seeded = await seedTenants(service);
    model = seeded.model;
    viewers = new Map(seeded.viewers.map((viewer) => [viewer.name as ViewerName, viewer]));
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Sends an operation as `viewer`, in process with its principal or over HTTP with its key. */
  async function send(
    viewer: Viewer,
    transport: IsolationCase['transport'],
    query: string,
    variables: Json,
  ): Promise<GraphQLResponse> {
    if (transport === 'http') {
      return (await service.http(query, variables, { key: viewer.key })) as GraphQLResponse;
    }
    const { result } = await service.run(query, variables, viewer.principal);
    return {
      data: result.data as Json | null | undefined,
      // Formatted as the server formats them, so a message is checked as a client would see it.
      errors: result.errors?.map((error) =>
        formatServiceError((error as GraphQLError).toJSON(), error, service.runtime.schema),
      ),
    };
  }

  async function countRepairOrders(): Promise<number> {
    return service.runtime.runAsSystem((scope) => scope.em.count(RepairOrder, {}));
  }

  /** Reports unless root `field` contains `record`, or is null with exactly one error of `code`. */
  function checkRoot(
    checker: ResponseChecker,
    response: GraphQLResponse,
    field: string,
    outcome: { record: ModelRecord } | { code: string },
  ): void {
    const value = response.data?.[field] ?? null;
    if ('code' in outcome) {
      if (value !== null) checker.report(`${field}: returned data, expected ${outcome.code}`);
      if (value !== null && 'id' in (value as Json)) checker.node(value, field);
      const codes = errorCodes(response);
      if (codes.length !== 1 || codes[0] !== outcome.code) {
        checker.report(`${field}: errors ${JSON.stringify(codes)}, expected [${outcome.code}]`);
      }
      return;
    }
    if (response.errors)
      checker.report(`${field}: unexpected errors ${JSON.stringify(response.errors)}`);
    const received = checker.node(value, field);
    if (received !== outcome.record) {
      checker.report(`${field}: ${received?.label ?? 'null'}, expected ${outcome.record.label}`);
    }
  }

  async function checkList(
    checker: ResponseChecker,
    viewer: Viewer,
    transport: IsolationCase['transport'],
    access: Extract<AccessPath, { path: 'list' }>,
  ): Promise<void> {
    const list = LISTS[access.list];
    const filter: Json = {};
    if (access.customerFilter && list.customerFilter) {
      filter.customerId = model.withLabel(access.customerFilter).globalId;
    }
    if (access.text && list.textFilter) filter.text = access.text;
    const filterArgument = list.filterType ? ', $filter: ' + list.filterType : '';
    const query = `query List($first: Int, $after: String${filterArgument}) {
      ${access.list}(first: $first, after: $after${list.filterType ? ', filter: $filter' : ''}) {
        ${PAGE} edges { cursor node { ${FIELDS[list.type]} } }
      }
    }`;
    const variables: Json = { first: access.first };
    if (list.filterType) variables.filter = filter;
    const first = await send(viewer, transport, query, variables);
    checker.scanForLeaks(first, variables);
    if (isForbiddenRoot(viewer, access.list)) {
      checkRoot(checker, first, access.list, { code: 'FORBIDDEN' });
      return;
    }

    const expected = model.records.filter((record) => {
      if (record.type !== list.type || !model.visible(viewer, record)) return false;
      if (filter.customerId && record.customerId !== model.withLabel(access.customerFilter!).id) {
        return false;
      }
      const text = typeof filter.text === 'string' ? filter.text.toLowerCase() : undefined;
      return !text || record.searchText.some((value) => value.includes(text));
    });
    if (first.errors) checker.report(`unexpected errors ${JSON.stringify(first.errors)}`);
    const page = first.data?.[access.list] as { edges: unknown[]; pageInfo: Json } | undefined;
    if (!page) return;
    const firstIds = checker.connection(page, expected, access.list);
    const firstSize = Math.min(access.first, expected.length);
    if (firstIds.length !== firstSize) {
      checker.report(`first page: ${firstIds.length} records, expected ${firstSize}`);
    }
    if (!access.paginate || !page.pageInfo.hasNextPage) return;

    const nextVariables = { ...variables, after: page.pageInfo.endCursor };
    const second = await send(viewer, transport, query, nextVariables);
    checker.scanForLeaks(second, nextVariables);
    if (second.errors) checker.report(`unexpected errors ${JSON.stringify(second.errors)}`);
    const nextPage = second.data?.[access.list];
    if (!nextPage) return;
    const secondIds = checker.connection(nextPage, expected, `${access.list} after`);
    const secondSize = Math.min(access.first, expected.length - access.first);
    if (secondIds.length !== secondSize) {
      checker.report(`second page: ${secondIds.length} records, expected ${secondSize}`);
    }
    if (secondIds.some((id) => firstIds.includes(id))) {
      checker.report('second page repeats a record of the first');
    }
  }

  async function checkNested(
    checker: ResponseChecker,
    viewer: Viewer,
    transport: IsolationCase['transport'],
    access: Extract<AccessPath, { path: 'nested' }>,
  ): Promise<void> {
    const record = model.withLabel(access.record);
    const variables: Json = { id: record.globalId, first: access.first };
    const first = await send(viewer, transport, NESTED_QUERY, variables);
    checker.scanForLeaks(first, variables);
    const visible = model.visible(viewer, record);
    checkRoot(checker, first, 'node', visible ? { record } : { code: 'NOT_FOUND' });
    const path = ['node', ...(PAGED_NESTED_PATH[record.type] ?? [])];
    const page = valueAt(first.data, path) as NestedPage | null;
    if (!visible || !page || !PAGED_NESTED_PATH[record.type]) return;

    const firstSize = Math.min(access.first, page.totalCount);
    if (page.edges.length !== firstSize) {
      checker.report(`${path.join('.')}: ${page.edges.length} records, expected ${firstSize}`);
    }
    if (!access.paginate || !page.pageInfo.hasNextPage) return;
    const nextVariables = { ...variables, after: page.pageInfo.endCursor };
    const second = await send(viewer, transport, NESTED_QUERY, nextVariables);
    checker.scanForLeaks(second, nextVariables);
    checkRoot(checker, second, 'node', { record });
    const nextPage = valueAt(second.data, path) as NestedPage | null;
    if (!nextPage) return;
    const secondSize = Math.min(access.first, page.totalCount - access.first);
    if (nextPage.edges.length !== secondSize) {
      checker.report(
        `${path.join('.')} after: ${nextPage.edges.length} records, expected ${secondSize}`,
      );
    }
    const firstIds = page.edges.map((edge) => edge.node.id);
    if (nextPage.edges.some((edge) => firstIds.includes(edge.node.id))) {
      checker.report(`${path.join('.')} after: repeats a record of the first page`);
    }
  }

  async function checkCreate(
    checker: ResponseChecker,
    viewer: Viewer,
    transport: IsolationCase['transport'],
    access: Extract<AccessPath, { path: 'createRepairOrder' }>,
  ): Promise<void> {
    const unit = model.withLabel(access.equipment);
    const input: Json = {
      equipmentId: unit.globalId,
      channel: 'ONLINE',
      faultDescription: 'Reported through the partner API',
      orderType: 'CORRECTIVE_REPAIR',
    };
    if (access.withCost) input.cost = { amount: '99.90', currency: 'CNY' };
    const mutation = `mutation Create($input: CreateRepairOrderInput!) {
      createRepairOrder(input: $input) { repairOrder { ${FIELDS.RepairOrder} } }
    }`;
    const before = await countRepairOrders();
    const response = await send(viewer, transport, mutation, { input });
    const after = await countRepairOrders();
    const payload = response.data?.createRepairOrder as { repairOrder: Json } | null | undefined;

    let expectedCode: string | undefined;
    if (isForbiddenRoot(viewer, 'createRepairOrder')) expectedCode = 'FORBIDDEN';
    else if (!model.visible(viewer, unit)) expectedCode = 'NOT_FOUND';
    else if (unit.decommissioned) expectedCode = 'BAD_USER_INPUT';

    if (expectedCode) {
      const codes = errorCodes(response);
      if (codes.length !== 1 || codes[0] !== expectedCode) {
        checker.report(
          `createRepairOrder: errors ${JSON.stringify(codes)}, expected [${expectedCode}]`,
        );
      }
      if (payload) checker.report('createRepairOrder: returned a payload, expected an error');
      if (after !== before) checker.report(`createRepairOrder: wrote ${after - before} orders`);
      checker.scanForLeaks(response, { input });
      return;
    }
    if (!payload) {
      checker.report(`createRepairOrder failed: ${JSON.stringify(response.errors)}`);
      return;
    }
    if (after !== before + 1) checker.report(`createRepairOrder: wrote ${after - before} orders`);
    // The new order belongs to the unit's owner. The model adds it before the payload is checked.
    const order = payload.repairOrder;
    const globalId = String(order.id);
    const id = Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
    const number = String(order.number);
    model.add({
      label: `RepairOrder ${number}`,
      type: 'RepairOrder',
      id,
      globalId,
      owner: unit.owner,
      naturalKey: number,
      fields: { number, faultDescription: String(input.faultDescription) },
      identifiers: [globalId, id, number],
      searchText: [number.toLowerCase(), String(input.faultDescription).toLowerCase()],
      customerId: unit.owner ?? undefined,
      equipmentId: unit.id,
      cost: access.withCost ? '99.90' : null,
    });
    checker.scanForLeaks(response, { input });
    checker.node(order, 'createRepairOrder.repairOrder');
  }

  async function checkCase(testCase: IsolationCase): Promise<string[]> {
    const viewer = viewers.get(testCase.viewer)!;
    const checker = new ResponseChecker(model, viewer);
    const { access, transport } = testCase;
    executed.set(access.path, (executed.get(access.path) ?? 0) + 1);
    executed.set(transport, (executed.get(transport) ?? 0) + 1);
    executed.set(testCase.viewer, (executed.get(testCase.viewer) ?? 0) + 1);

    if (access.path === 'list') await checkList(checker, viewer, transport, access);
    if (access.path === 'nested') await checkNested(checker, viewer, transport, access);
    if (access.path === 'createRepairOrder') await checkCreate(checker, viewer, transport, access);
    if (access.path === 'byId' || access.path === 'naturalKey' || access.path === 'node') {
      const record = model.withLabel(access.record);
      let field = 'node';
      let query = NODE_QUERY;
      let variables: Json = { id: record.globalId };
      const byId = BY_ID[record.type];
      const byKey = BY_NATURAL_KEY[record.type];
      if (access.path === 'byId' && byId) {
        field = byId;
        query = `query ById($id: ID!) { ${field}(id: $id) { ${FIELDS[record.type]} } }`;
      }
      if (access.path === 'naturalKey' && byKey) {
        field = byKey[0];
        query = `query ByKey($key: String!) {
          ${field}(${byKey[1]}: $key) { ${FIELDS[record.type]} }
        }`;
        variables = { key: record.naturalKey };
      }
      const response = await send(viewer, transport, query, variables);
      checker.scanForLeaks(response, variables);
      if (isForbiddenRoot(viewer, field)) {
        checkRoot(checker, response, field, { code: 'FORBIDDEN' });
      } else if (model.visible(viewer, record) && record.type !== 'ApiClient') {
        // Which staff roles may read API clients through node is checked in authorization.test.ts.
        checkRoot(checker, response, field, { record });
      } else if (!model.visible(viewer, record)) {
        checkRoot(checker, response, field, { code: 'NOT_FOUND' });
      }
    }
    return checker.problems;
  }

  it('hides other customers from customer keys', async () => {
    console.info(
      `tenant isolation: fast-check seed ${SEED}, ${NUM_RUNS} runs ` +
        '(set TENANT_ISOLATION_SEED to try another seed)',
    );
    const labels = (types: RecordType[]) =>
      model.records.filter((record) => types.includes(record.type)).map((record) => record.label);
    const anyRecord = fc.constantFrom(
      ...labels([
        'Customer',
        'Site',
        'EquipmentModel',
        'Equipment',
        'RepairOrder',
        'Staff',
        'ApiClient',
      ]),
    );
    const customerLabel = fc.constantFrom(...labels(['Customer']));
    const equipmentLabel = fc.constantFrom(...labels(['Equipment']));
    const searchText = fc.constantFrom(
      ...SEARCH_WORDS,
      ...model.records.flatMap((record) => (record.naturalKey ? [record.naturalKey] : [])),
    );
    const first = fc.integer({ min: 1, max: 4 });

    const access: fc.Arbitrary<AccessPath> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          {
            path: fc.constant('list' as const),
            list: fc.constantFrom(...(Object.keys(LISTS) as ListName[])),
            customerFilter: customerLabel,
            text: searchText,
            first,
            paginate: fc.boolean(),
          },
          { requiredKeys: ['path', 'list', 'first', 'paginate'] },
        ),
      },
      {
        weight: 2,
        arbitrary: fc.record({ path: fc.constant('byId' as const), record: anyRecord }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ path: fc.constant('naturalKey' as const), record: anyRecord }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ path: fc.constant('node' as const), record: anyRecord }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          path: fc.constant('nested' as const),
          record: anyRecord,
          first,
          paginate: fc.boolean(),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          path: fc.constant('createRepairOrder' as const),
          equipment: equipmentLabel,
          withCost: fc.boolean(),
        }),
      },
    );
    const isolationCase: fc.Arbitrary<IsolationCase> = fc.record({
      // Customer keys six times as often as the company viewer, which is the control group.
      viewer: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<ViewerName>('ALF key', 'BRV key', 'CHL key') },
        { weight: 1, arbitrary: fc.constant<ViewerName>('company viewer') },
      ),
      transport: fc.oneof(
        { weight: 3, arbitrary: fc.constant<IsolationCase['transport']>('in-process') },
        { weight: 1, arbitrary: fc.constant<IsolationCase['transport']>('http') },
      ),
      access,
    });

    await fc.assert(
      fc.asyncProperty(isolationCase, async (testCase) => {
        const problems = await checkCase(testCase);
        expect(problems, JSON.stringify(testCase)).toEqual([]);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );

    // The run must have covered every viewer, transport and access path.
    for (const name of [
      ...viewers.keys(),
      'in-process',
      'http',
      'list',
      'byId',
      'naturalKey',
      'node',
      'nested',
      'createRepairOrder',
    ]) {
      expect(executed.get(name) ?? 0, name).toBeGreaterThan(10);
    }
  }, 120_000);
});
