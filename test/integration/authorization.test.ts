import { randomUUID } from 'node:crypto';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toGlobalId } from '../../core/api/global-id.js';
import { Customer } from '../../core/entities/customer.entity.js';
import {
  CustomerKind,
  Department,
  EquipmentCategory,
  EquipmentStatus,
  StaffRole,
} from '../../core/entities/enums.js';
import { EquipmentModel } from '../../core/entities/equipment-model.entity.js';
import { Equipment } from '../../core/entities/equipment.entity.js';
import { Staff } from '../../core/entities/staff.entity.js';
import { assertAccessDeclared, type AccessRule } from '../../core/security/access.js';
import {
  createApiClient,
  ensureBootstrapAdmin,
  type NewApiClient,
} from '../../core/security/api-keys.js';
import { forgetCachedApiKeys } from '../../core/security/authenticator.js';
import { ApiScope } from '../../core/security/principal.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, TEST_ADMIN_KEY, type TestService } from '../support/test-service.js';

const JWT_SECRET = 'authorization-test-secret-0123456789abcdef';
const JWT_ISSUER = 'https://sso.service.example';

interface HttpResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: GraphQLFormattedError[];
  };
}

/** Posts an operation with the given Authorization header (none when undefined). */
async function post(
  service: TestService,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<HttpResponse> {
  const response = await fetch(service.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === undefined ? {} : { authorization }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as HttpResponse['body'] };
}

const bearer = (credential: string) => `Bearer ${credential}`;

function codes(response: HttpResponse): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
}

/** Returns the status and the errors' messages and codes, without locations and paths. */
function visibleError(response: HttpResponse) {
  return {
    status: response.status,
    errors: (response.body.errors ?? []).map((error) => ({
      message: error.message,
      code: error.extensions?.code,
    })),
  };
}

/** Returns a value of `type` that passes GraphQL coercion, with required fields only. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type)) value[field.name] = sampleValue(field.type);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  const samples: Record<string, unknown> = {
    ID: toGlobalId('Customer', randomUUID()),
    String: 'sample',
    Int: 1,
    Float: 1.5,
    Boolean: true,
    DateTime: '2026-01-05T08:00:00.000Z',
    LocalDate: '2026-01-05',
    Decimal: '1.00',
  };
  if (!(type.name in samples))
    throw new Error(`No sample value for scalar ${type.name}: add one to sampleValue`);
  return samples[type.name];
}

/** Builds an operation that calls one root field with valid-looking arguments. */
function sampleOperation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
): { query: string; variables: Record<string, unknown> } {
  // Lists must be given `first`, so it is sent along with the required arguments.
  const required = field.args.filter((arg) => isNonNullType(arg.type) || arg.name === 'first');
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const argumentList = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declarations ? `(${declarations})` : ''} {
      ${field.name}${argumentList ? `(${argumentList})` : ''}${selection}
    }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

function rootFields(service: TestService) {
  const schema = service.runtime.schema;
  const roots: [kind: 'query' | 'mutation', type: GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field })),
  );
}

/** Opens a graphql-ws socket, sends connection_init and resolves on the ack or on the close. */
async function connectSocket(
  service: TestService,
  authorization?: string,
): Promise<{ acknowledged: boolean; closeCode?: number; socket: WebSocket }> {
  const socket = new WebSocket(service.server.wsUrl, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: authorization === undefined ? {} : { authorization },
        }),
      );
    });
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') resolve({ acknowledged: true, socket });
    });
    socket.once('close', (code) => resolve({ acknowledged: false, closeCode: code, socket }));
  });
}

/** Runs one operation over an acknowledged socket and returns its first result or error. */
async function runOverSocket(socket: WebSocket, query: string): Promise<unknown> {
  const id = randomUUID();
  return new Promise((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: string; type: string; payload: unknown };
      if (message.id === id && (message.type === 'next' || message.type === 'error')) {
        resolve(message.payload);
      }
    });
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  });
}

async function closeSocket(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return;
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.close();
  await closed;
}

interface StaffClaims {
  roles?: unknown[];
  subject?: string;
  issuer?: string;
  secret?: string;
  algorithm?: 'HS256' | 'HS512';
  issuedAt?: number;
  expiresAt?: number | string;
  notBefore?: number;
}

/** Signs a staff token. Every claim defaults to a value that the test service accepts. */
function signStaffToken(claims: StaffClaims = {}): Promise<string> {
  const token = new SignJWT({ roles: claims.roles ?? [StaffRole.SERVICE_MANAGER], name: 'Li Na' })
    .setProtectedHeader({ alg: claims.algorithm ?? 'HS256' })
    .setIssuer(claims.issuer ?? JWT_ISSUER)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresAt ?? '5m');
  if (claims.subject !== '') token.setSubject(claims.subject ?? 'E1042');
  if (claims.notBefore !== undefined) token.setNotBefore(claims.notBefore);
  return token.sign(new TextEncoder().encode(claims.secret ?? JWT_SECRET));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

const CUSTOMERS_QUERY = '{ customers(first: 5) { totalCount } }';
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id code } }
}`;
const CREATE_REPAIR_ORDER = `mutation($equipmentId: ID!) {
  createRepairOrder(input: {
    equipmentId: $equipmentId, channel: ONLINE, orderType: CORRECTIVE_REPAIR,
    faultDescription: "Pump pressure drops under load"
  }) { repairOrder { id number } }
}`;

let customerCodes = 0;
const newCustomerInput = () => {
  customerCodes += 1;
  return {
    code: `AUTH-${customerCodes}`,
    name: `Authorization test ${customerCodes}`,
    kind: 'OPERATOR',
  };
};

describe.skipIf(!databaseAvailable)('authorization', () => {
  let service: TestService;
  const keys: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestService({
      config: { jwt: { secret: JWT_SECRET, issuer: JWT_ISSUER } },
      // Checks open sockets every 200 ms instead of 10 s, so the revocation test is quick.
      server: { credentialCheckMs: 200 },
    });
    await service.runtime.runAsSystem(async (scope) => {
      const em = scope.em;
      const alf = em.create(Customer, {
        code: 'ALF',
        name: 'ALF Drilling',
        kind: CustomerKind.OPERATOR,
      });
      const brv = em.create(Customer, {
        code: 'BRV',
        name: 'BRV Gas',
        kind: CustomerKind.OPERATOR,
      });
      const model = em.create(EquipmentModel, {
        manufacturer: 'Lanzhou LS',
        modelCode: 'F-1600',
        category: EquipmentCategory.MUD_PUMP,
      });
      const alfPump = em.create(Equipment, { serialNumber: 'ALF-MP-1', model, customer: alf });
      const brvPump = em.create(Equipment, { serialNumber: 'BRV-MP-1', model, customer: brv });
      const brvRetired = em.create(Equipment, {
        serialNumber: 'BRV-MP-9',
        model,
        customer: brv,
        status: EquipmentStatus.DECOMMISSIONED,
      });
      const staff = em.create(Staff, {
        employeeNumber: 'E1042',
        name: 'Li Na',
        department: Department.REPAIR,
        email: 'li.na@service.example',
      });
      await em.flush();
      ids.alf = toGlobalId('Customer', alf.id);
      ids.brv = toGlobalId('Customer', brv.id);
      ids.alfPump = toGlobalId('Equipment', alfPump.id);
      ids.brvPump = toGlobalId('Equipment', brvPump.id);
      ids.brvRetired = toGlobalId('Equipment', brvRetired.id);
      ids.staff = toGlobalId('Staff', staff.id);

      const readWrite = [ApiScope.READ, ApiScope.WRITE];
      const clients: [string, NewApiClient][] = [
        ['alf', { name: 'ALF ERP', scopes: readWrite, customerCode: 'ALF' }],
        ['alfReadOnly', { name: 'ALF reports', scopes: [ApiScope.READ], customerCode: 'ALF' }],
        [
          'alfLive',
          {
            name: 'ALF dashboard',
            scopes: [ApiScope.READ, ApiScope.SUBSCRIBE],
            customerCode: 'ALF',
          },
        ],
        ['viewer', { name: 'dashboard', roles: [StaffRole.VIEWER], scopes: readWrite }],
        [
          'managerReadOnly',
          { name: 'manager reports', roles: [StaffRole.SERVICE_MANAGER], scopes: [ApiScope.READ] },
        ],
        [
          'managerWriteOnly',
          { name: 'manager import', roles: [StaffRole.SERVICE_MANAGER], scopes: [ApiScope.WRITE] },
        ],
      ];
      for (const [name, input] of clients) {
        const { client, key } = await createApiClient(scope, input);
        keys[name] = key;
        ids[`${name}Client`] = toGlobalId('ApiClient', client.id);
      }
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  async function countRepairOrders(): Promise<number> {
    return service.runtime.runAsSystem((scope) => scope.em.count(RepairOrder, {}));
  }

  describe('access rules', () => {
    it('declares a rule on every root field', () => {
      const schema = service.runtime.schema;
      const types = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
      const fields = types.flatMap((type) =>
        Object.values(type?.getFields() ?? {}).map((field) => ({ type: type!.name, field })),
      );
      expect(fields.length).toBeGreaterThan(20);
      const knownRoles = new Set<string>(Object.values(StaffRole));
      for (const { type, field } of fields) {
        const rule = field.extensions.access as AccessRule | undefined;
        expect(rule, `${type}.${field.name}`).toBeDefined();
        const roles = rule!.roles === 'any' ? [] : rule!.roles;
        expect(
          roles.filter((role) => !knownRoles.has(role)),
          `${type}.${field.name}`,
        ).toEqual([]);
      }
    });

    it('rejects a schema with an undeclared root field', () => {
      const schema = buildSchema('type Query { ping: Int }  type Mutation { reset: Int }');
      expect(() => assertAccessDeclared(schema)).toThrow(/Query\.ping, Mutation\.reset/);
    });
  });

  describe('unauthenticated calls', () => {
    it('rejects every root field without credentials', async () => {
      const outcomes: Record<string, string[]> = {};
      const expected: Record<string, string[]> = {};
      for (const { kind, field } of rootFields(service)) {
        const { query, variables } = sampleOperation(kind, field);
        const response = await post(service, query, variables);
        outcomes[field.name] = codes(response);
        expected[field.name] = ['UNAUTHENTICATED'];
        expect(response.body.data?.[field.name] ?? null, field.name).toBeNull();
      }
      expect(outcomes).toEqual(expected);
    });

    it.each([
      ['a Basic header', 'Basic YWRtaW46YWRtaW4='],
      ['Bearer without a credential', 'Bearer'],
      ['two credentials', 'Bearer osp_one osp_two'],
      ['an unknown key', bearer('osp_thisKeyWasNeverIssuedByTheService0000')],
      ['a token-shaped garbage value', bearer('abc.def.ghi')],
    ])('answers 401 to %s', async (_case, authorization) => {
      const response = await post(service, CUSTOMERS_QUERY, {}, authorization);
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.data ?? null).toBeNull();
    });

    it('hides existence from anonymous callers', async () => {
      const query = 'query($id: ID!) { customer(id: $id) { code } }';
      const existing = await post(service, query, { id: ids.alf });
      const missing = await post(service, query, { id: toGlobalId('Customer', randomUUID()) });
      expect(codes(existing)).toEqual(['UNAUTHENTICATED']);
      expect(visibleError(existing)).toEqual(visibleError(missing));
    });
  });

  describe('forbidden calls', () => {
    it.each([
      ['a viewer key', 'viewer', 'createCustomer'],
      ['a customer key', 'alf', 'createCustomer'],
      ['a read-only manager key', 'managerReadOnly', 'createCustomer'],
    ])('rejects %s calling createCustomer', async (_case, key) => {
      const response = await post(
        service,
        CREATE_CUSTOMER,
        { input: newCustomerInput() },
        bearer(keys[key]),
      );
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.body.data ?? null).toBeNull();
    });

    it.each([
      ['staffMembers', '{ staffMembers(first: 5) { totalCount } }'],
      ['apiClients', '{ apiClients(first: 5) { totalCount } }'],
      ['staffByEmployeeNumber', '{ staffByEmployeeNumber(employeeNumber: "E1042") { name } }'],
      ['parts', '{ parts(first: 5) { edges { node { partNumber unitCost } } } }'],
      ['stockLevels', '{ stockLevels(first: 5) { edges { node { onHand available } } } }'],
      ['stockMovements', '{ stockMovements(first: 5) { edges { node { quantity unitCost } } } }'],
      ['warehouses', '{ warehouses(first: 5) { totalCount } }'],
      ['suppliers', '{ suppliers(first: 5) { totalCount } }'],
      ['purchaseOrders', '{ purchaseOrders(first: 5) { totalCount } }'],
      ['procurementPlan', '{ procurementPlan { suggestedQuantity } }'],
      ['requisitions', '{ requisitions(first: 5) { totalCount } }'],
      ['stocktakes', '{ stocktakes(first: 5) { totalCount } }'],
    ])('rejects a customer key calling %s', async (field, query) => {
      const response = await post(service, query, {}, bearer(keys.alf));
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(response.body.data?.[field] ?? null).toBeNull();
    });

    it('rejects repair orders from read-only keys', async () => {
      const before = await countRepairOrders();
      const response = await post(
        service,
        CREATE_REPAIR_ORDER,
        { equipmentId: ids.alfPump },
        bearer(keys.alfReadOnly),
      );
      expect(codes(response)).toEqual(['FORBIDDEN']);
      expect(await countRepairOrders()).toBe(before);
    });

    it('rejects reads by write-only keys', async () => {
      const response = await post(service, CUSTOMERS_QUERY, {}, bearer(keys.managerWriteOnly));
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('rejects apiClients for viewer keys', async () => {
      const response = await post(
        service,
        '{ apiClients(first: 5) { totalCount } }',
        {},
        bearer(keys.viewer),
      );
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it('hides API clients in node from non-admins', async () => {
      const query = `query($id: ID!) {
        node(id: $id) { id ... on ApiClient { name keyPrefix scopes customer { code } } }
      }`;
      const response = await post(service, query, { id: ids.alfClient }, bearer(keys.viewer));
      expect(response.body.data?.node ?? null).toBeNull();
      const missing = await post(
        service,
        query,
        { id: toGlobalId('ApiClient', randomUUID()) },
        bearer(keys.viewer),
      );
      expect(codes(response)).toEqual(codes(missing));
    });

    it('limits customer keys to customer fields', async () => {
      const outcomes: Record<string, boolean> = {};
      const expected: Record<string, boolean> = {};
      for (const { kind, field } of rootFields(service)) {
        const rule = field.extensions.access as AccessRule;
        const { query, variables } = sampleOperation(kind, field);
        const response = await post(service, query, variables, bearer(keys.alf));
        const rejected = codes(response).some((code) =>
          ['FORBIDDEN', 'UNAUTHENTICATED'].includes(code),
        );
        outcomes[field.name] = rejected;
        expected[field.name] = !rule.customers;
      }
      expect(outcomes).toEqual(expected);
    });

    it('hides existence from callers without role', async () => {
      const staffQuery = 'query($id: ID!) { staffMember(id: $id) { name } }';
      const existingStaff = await post(service, staffQuery, { id: ids.staff }, bearer(keys.alf));
      const missingStaff = await post(
        service,
        staffQuery,
        { id: toGlobalId('Staff', randomUUID()) },
        bearer(keys.alf),
      );
      expect(codes(existingStaff)).toEqual(['FORBIDDEN']);
      expect(visibleError(existingStaff)).toEqual(visibleError(missingStaff));

      const update = `mutation($id: ID!) {
        updateCustomer(input: { id: $id, version: 1, name: "Renamed" }) { customer { name } }
      }`;
      const existingCustomer = await post(service, update, { id: ids.brv }, bearer(keys.viewer));
      const missingCustomer = await post(
        service,
        update,
        { id: toGlobalId('Customer', randomUUID()) },
        bearer(keys.viewer),
      );
      expect(codes(existingCustomer)).toEqual(['FORBIDDEN']);
      expect(visibleError(existingCustomer)).toEqual(visibleError(missingCustomer));
    });
  });

  describe('records of other customers', () => {
    /** Returns the visible error with the sent value masked, so that two lookups compare. */
    const withoutValue = (response: HttpResponse, value: string) => {
      const error = visibleError(response);
      return {
        ...error,
        errors: error.errors.map((item) => ({
          ...item,
          message: item.message.split(value).join('<value>'),
        })),
      };
    };

    it.each([
      ['customer', 'query($value: ID!) { customer(id: $value) { code } }', 'brv', 'Customer'],
      [
        'equipment',
        'query($value: ID!) { equipment(id: $value) { serialNumber } }',
        'brvPump',
        'Equipment',
      ],
      ['node', 'query($value: ID!) { node(id: $value) { id } }', 'brvPump', 'Equipment'],
    ])('treats %s of another customer as missing', async (_field, query, record, type) => {
      const existing = await post(service, query, { value: ids[record] }, bearer(keys.alf));
      const missingId = toGlobalId(type, randomUUID());
      const missing = await post(service, query, { value: missingId }, bearer(keys.alf));
      expect(codes(existing)).toEqual(['NOT_FOUND']);
      expect(withoutValue(existing, ids[record])).toEqual(withoutValue(missing, missingId));
    });

    it.each([
      ['customerByCode', 'query($value: String!) { customerByCode(code: $value) { code } }', 'BRV'],
      [
        'equipmentBySerial',
        'query($value: String!) { equipmentBySerial(serial: $value) { id } }',
        'BRV-MP-1',
      ],
    ])('treats %s of another customer as missing', async (_field, query, value) => {
      const existing = await post(service, query, { value }, bearer(keys.alf));
      const missing = await post(service, query, { value: 'NO-SUCH-KEY' }, bearer(keys.alf));
      expect(codes(existing)).toEqual(['NOT_FOUND']);
      expect(withoutValue(existing, value)).toEqual(withoutValue(missing, 'NO-SUCH-KEY'));
    });

    it.each([
      ['a unit in service', 'brvPump'],
      ['a decommissioned unit', 'brvRetired'],
    ])('rejects orders for %s of another customer', async (_case, unit) => {
      const before = await countRepairOrders();
      const existing = await post(
        service,
        CREATE_REPAIR_ORDER,
        { equipmentId: ids[unit] },
        bearer(keys.alf),
      );
      const missingId = toGlobalId('Equipment', randomUUID());
      const missing = await post(
        service,
        CREATE_REPAIR_ORDER,
        { equipmentId: missingId },
        bearer(keys.alf),
      );
      expect(codes(existing)).toEqual(['NOT_FOUND']);
      expect(withoutValue(existing, ids[unit])).toEqual(withoutValue(missing, missingId));
      expect(await countRepairOrders()).toBe(before);
    });
  });

  describe('revoked keys', () => {
    it('stops a revoked key at once', async () => {
      const { client, key } = await service.runtime.runAsSystem((scope) =>
        createApiClient(scope, {
          name: 'to be revoked',
          roles: [StaffRole.VIEWER],
          scopes: [ApiScope.READ],
        }),
      );
      // The first request puts the key in the authenticator's cache.
      const before = await post(service, CUSTOMERS_QUERY, {}, bearer(key));
      expect(before.status).toBe(200);
      expect(before.body.errors).toBeUndefined();

      const revoke = await post(
        service,
        'mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { revokedAt } } }',
        { id: toGlobalId('ApiClient', client.id) },
        bearer(TEST_ADMIN_KEY),
      );
      expect(revoke.body.errors).toBeUndefined();

      const after = await post(service, CUSTOMERS_QUERY, {}, bearer(key));
      expect(after.status).toBe(401);
      expect(codes(after)).toEqual(['UNAUTHENTICATED']);
      const unknown = await post(service, CUSTOMERS_QUERY, {}, bearer(`${key}x`));
      expect(visibleError(after)).toEqual(visibleError(unknown));

      const socket = await connectSocket(service, bearer(key));
      expect(socket.acknowledged).toBe(false);
      expect(socket.closeCode).toBe(4403);
    });

    it('closes the open sockets of a revoked key', async () => {
      const { client, key } = await service.runtime.runAsSystem((scope) =>
        createApiClient(scope, {
          name: 'revoked while connected',
          roles: [StaffRole.VIEWER],
          scopes: [ApiScope.READ, ApiScope.SUBSCRIBE],
        }),
      );
      const open = await connectSocket(service, bearer(key));
      expect(open.acknowledged).toBe(true);
      const bystander = await connectSocket(service, bearer(keys.viewer));
      const closed = new Promise<number>((resolve) => open.socket.once('close', resolve));

      const revoke = await post(
        service,
        'mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { revokedAt } } }',
        { id: toGlobalId('ApiClient', client.id) },
        bearer(TEST_ADMIN_KEY),
      );
      expect(revoke.body.errors).toBeUndefined();

      expect(await closed).toBe(4403);
      expect(bystander.socket.readyState).toBe(WebSocket.OPEN);
      await closeSocket(bystander.socket);
    });

    it('rejects revocation by viewer keys', async () => {
      const response = await post(
        service,
        'mutation($id: ID!) { revokeApiClient(input: { id: $id }) { apiClient { revokedAt } } }',
        { id: ids.alfClient },
        bearer(keys.viewer),
      );
      expect(codes(response)).toEqual(['FORBIDDEN']);
      const stillWorking = await post(service, CUSTOMERS_QUERY, {}, bearer(keys.alf));
      expect(stillWorking.body.errors).toBeUndefined();
    });
  });

  describe('staff tokens', () => {
    it('lets a manager token create customers', async () => {
      const token = await signStaffToken();
      const response = await post(
        service,
        CREATE_CUSTOMER,
        { input: newCustomerInput() },
        bearer(token),
      );
      expect(response.body.errors).toBeUndefined();
      expect(response.status).toBe(200);
    });

    it('limits a viewer token to reads', async () => {
      const token = await signStaffToken({ roles: [StaffRole.VIEWER] });
      const create = await post(
        service,
        CREATE_CUSTOMER,
        { input: newCustomerInput() },
        bearer(token),
      );
      expect(codes(create)).toEqual(['FORBIDDEN']);
      const read = await post(service, CUSTOMERS_QUERY, {}, bearer(token));
      expect(read.body.errors).toBeUndefined();
    });

    it('ignores roles the service does not know', async () => {
      const token = await signStaffToken({ roles: ['SUPERUSER', 'admin', 42] });
      const response = await post(
        service,
        CREATE_CUSTOMER,
        { input: newCustomerInput() },
        bearer(token),
      );
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });

    it.each<[string, () => Promise<string>]>([
      [
        'an expired token',
        () => signStaffToken({ issuedAt: nowSeconds() - 600, expiresAt: nowSeconds() - 300 }),
      ],
      [
        'a token signed with another secret',
        () => signStaffToken({ secret: `${JWT_SECRET}-other` }),
      ],
      ['a token from another issuer', () => signStaffToken({ issuer: 'https://evil.example' })],
      ['a token without a subject', () => signStaffToken({ subject: '' })],
      ['a token signed with HS512', () => signStaffToken({ algorithm: 'HS512' })],
      ['a token not valid yet', () => signStaffToken({ notBefore: nowSeconds() + 600 })],
      [
        'an unsigned token',
        async () =>
          new UnsecuredJWT({ roles: [StaffRole.ADMIN] })
            .setSubject('E1042')
            .setIssuer(JWT_ISSUER)
            .setExpirationTime('5m')
            .encode(),
      ],
    ])('answers 401 to %s', async (_case, makeToken) => {
      const response = await post(service, CUSTOMERS_QUERY, {}, bearer(await makeToken()));
      expect(response.status).toBe(401);
      expect(codes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.body.data ?? null).toBeNull();
    });
  });

  describe('graphql-ws', () => {
    it.each([
      ['an unknown key', bearer('osp_thisKeyWasNeverIssuedByTheService0000')],
      ['a malformed header', 'Basic YWRtaW46YWRtaW4='],
      ['an expired token', 'expired'],
    ])('closes the socket with 4403 for %s', async (_case, authorization) => {
      const credential =
        authorization === 'expired'
          ? bearer(
              await signStaffToken({ issuedAt: nowSeconds() - 600, expiresAt: nowSeconds() - 300 }),
            )
          : authorization;
      const { acknowledged, closeCode } = await connectSocket(service, credential);
      expect(acknowledged).toBe(false);
      expect(closeCode).toBe(4403);
    });

    it('serves a customer key its own data', async () => {
      const valid = await connectSocket(service, bearer(keys.alf));
      expect(valid.acknowledged).toBe(true);
      const result = (await runOverSocket(valid.socket, CUSTOMERS_QUERY)) as {
        data?: { customers: { totalCount: number } };
      };
      expect(result.data?.customers.totalCount).toBe(1);
      await closeSocket(valid.socket);
    });

    it('rejects a subscription beyond the per-connection limit', async () => {
      const { key } = await service.runtime.runAsSystem((scope) =>
        createApiClient(scope, {
          name: 'wall display',
          roles: [StaffRole.VIEWER],
          scopes: [ApiScope.READ, ApiScope.SUBSCRIBE],
        }),
      );
      const valid = await connectSocket(service, bearer(key));
      const subscribe = (id: string) =>
        valid.socket.send(
          JSON.stringify({
            id,
            type: 'subscribe',
            payload: { query: 'subscription { repairOrderChanged { __typename } }' },
          }),
        );
      const limit = service.runtime.config.limits?.wsMaxSubscriptions ?? 50;
      for (let index = 0; index < limit; index += 1) subscribe(`running-${index}`);
      const rejected = await new Promise<{ extensions?: { code?: string } }[]>((resolve) => {
        valid.socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as { id?: string; type: string; payload: never };
          if (message.id === 'one-too-many' && message.type === 'error') resolve(message.payload);
        });
        subscribe('one-too-many');
      });
      expect(rejected.map((error) => error.extensions?.code)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
      await closeSocket(valid.socket);
    });

    it.each([
      ['stockChanged', 'subscription { stockChanged { onHand available } }'],
      ['partBelowReorderPoint', 'subscription { partBelowReorderPoint { partNumber } }'],
    ])('rejects a customer key subscribing to %s', async (_field, query) => {
      const live = await connectSocket(service, bearer(keys.alfLive));
      expect(live.acknowledged).toBe(true);
      const payload = (await runOverSocket(live.socket, query)) as
        GraphQLFormattedError[] | { errors?: GraphQLFormattedError[] };
      const errors = Array.isArray(payload) ? payload : (payload.errors ?? []);
      expect(errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      await closeSocket(live.socket);
    });

    it('rejects anonymous operations', async () => {
      const anonymous = await connectSocket(service);
      expect(anonymous.acknowledged).toBe(true);
      const rejected = (await runOverSocket(anonymous.socket, CUSTOMERS_QUERY)) as {
        errors?: GraphQLFormattedError[];
      };
      expect(rejected.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      await closeSocket(anonymous.socket);
    });
  });
});

describe.skipIf(!databaseAvailable)('bootstrap admin key', () => {
  const BOOTSTRAP_KEY = 'bootstrap-key-for-the-authorization-test';
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ config: { bootstrapAdminApiKey: BOOTSTRAP_KEY } });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('works as an admin key', async () => {
    const created = await post(
      service,
      CREATE_CUSTOMER,
      { input: newCustomerInput() },
      bearer(BOOTSTRAP_KEY),
    );
    expect(created.body.errors).toBeUndefined();
    const clients = await post(
      service,
      '{ apiClients(first: 10) { edges { node { name roles revokedAt } } } }',
      {},
      bearer(BOOTSTRAP_KEY),
    );
    expect(clients.body.errors).toBeUndefined();
    expect(clients.body.data?.apiClients).toEqual({
      edges: [{ node: { name: 'bootstrap-admin', roles: [StaffRole.ADMIN], revokedAt: null } }],
    });
  });

  it('is the only admin key of a new deployment', async () => {
    const response = await post(service, CUSTOMERS_QUERY, {}, bearer(TEST_ADMIN_KEY));
    expect(response.status).toBe(401);
  });

  it('replaces the key on rotation', async () => {
    const nextKey = 'bootstrap-key-after-rotation-0123456789';
    await service.runtime.runAsSystem((scope) => ensureBootstrapAdmin(scope, nextKey));
    // A restarted process starts with an empty key cache.
    forgetCachedApiKeys();
    expect((await post(service, CUSTOMERS_QUERY, {}, bearer(BOOTSTRAP_KEY))).status).toBe(401);
    const rotated = await post(service, CUSTOMERS_QUERY, {}, bearer(nextKey));
    expect(rotated.body.errors).toBeUndefined();
  });

  it('rejects tokens without JWT configuration', async () => {
    const response = await post(service, CUSTOMERS_QUERY, {}, bearer(await signStaffToken()));
    expect(response.status).toBe(401);
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
