import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffRole } from '../../core/entities/enums.js';
import { createApiClient } from '../../core/security/api-keys.js';
import { ApiScope } from '../../core/security/principal.js';
import { fromGlobalId } from '../../core/api/global-id.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import { RepairOrderStatus as S } from '../../plugins/repair/entities/repair-order.enums.js';
import {
  REPAIR_ACTIONS,
  type RepairAction,
} from '../../plugins/repair/workflow/repair-workflow.js';
import { databaseAvailable } from '../support/test-database.js';
import { startTestService, type TestService } from '../support/test-service.js';

interface OrderState {
  id: string;
  version: number;
  status: S;
}

interface Response<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

/** GraphQL input type of each action's mutation. */
const INPUT_TYPES: Record<RepairAction, string> = {
  dispatch: 'DispatchRepairOrderInput',
  recordArrival: 'RecordArrivalInput',
  recordDiagnosis: 'RecordDiagnosisInput',
  submitPlan: 'SubmitRepairPlanInput',
  recordPlanReview: 'RecordPlanReviewInput',
  rejectPlan: 'RejectRepairPlanInput',
  approvePlan: 'ApproveRepairPlanInput',
  startRepair: 'StartRepairInput',
  requestPlanChange: 'RequestPlanChangeInput',
  approvePlanChange: 'ApprovePlanChangeInput',
  recordLabour: 'RecordLabourInput',
  completeRepair: 'CompleteRepairInput',
  accept: 'AcceptRepairInput',
  object: 'ObjectToRepairInput',
  close: 'CloseRepairOrderInput',
  cancel: 'CancelRepairOrderInput',
};

const ACTIONS = Object.keys(REPAIR_ACTIONS) as RepairAction[];

const BEFORE_REPAIR = [
  S.REPORTED,
  S.DISPATCHED,
  S.ON_SITE,
  S.DIAGNOSED,
  S.PLAN_SUBMITTED,
  S.PLAN_REJECTED,
  S.PLAN_APPROVED,
];

/** The workflow as the product defines it, written out apart from the table under test. */
const EXPECTED_MOVES: Record<RepairAction, { from: S[]; to: S | null }> = {
  dispatch: { from: [S.REPORTED], to: S.DISPATCHED },
  recordArrival: { from: [S.DISPATCHED], to: S.ON_SITE },
  recordDiagnosis: { from: [S.ON_SITE], to: S.DIAGNOSED },
  submitPlan: { from: [S.DIAGNOSED, S.PLAN_REJECTED], to: S.PLAN_SUBMITTED },
  recordPlanReview: { from: [S.PLAN_SUBMITTED], to: null },
  rejectPlan: { from: [S.PLAN_SUBMITTED], to: S.PLAN_REJECTED },
  approvePlan: { from: [S.PLAN_SUBMITTED], to: S.PLAN_APPROVED },
  startRepair: { from: [S.PLAN_APPROVED], to: S.IN_REPAIR },
  requestPlanChange: { from: [S.IN_REPAIR], to: S.PLAN_CHANGE_REQUESTED },
  approvePlanChange: { from: [S.PLAN_CHANGE_REQUESTED], to: S.IN_REPAIR },
  recordLabour: {
    from: [...BEFORE_REPAIR.slice(2), S.IN_REPAIR, S.PLAN_CHANGE_REQUESTED, S.AWAITING_ACCEPTANCE],
    to: null,
  },
  completeRepair: { from: [S.IN_REPAIR], to: S.AWAITING_ACCEPTANCE },
  accept: { from: [S.AWAITING_ACCEPTANCE], to: S.ACCEPTED },
  object: { from: [S.AWAITING_ACCEPTANCE], to: S.IN_REPAIR },
  close: { from: [S.ACCEPTED], to: S.CLOSED },
  cancel: { from: BEFORE_REPAIR, to: S.CANCELLED },
};

function mutationOf(action: RepairAction): string {
  const name = REPAIR_ACTIONS[action].mutation;
  return `mutation($input: ${INPUT_TYPES[action]}!) { ${name}(input: $input) { repairOrder { id version status } } }`;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Moves that bring a new order from REPORTED to each state. */
const PATHS: Record<S, RepairAction[]> = {
  [S.REPORTED]: [],
  [S.DISPATCHED]: ['dispatch'],
  [S.ON_SITE]: ['dispatch', 'recordArrival', 'recordLabour'],
  [S.DIAGNOSED]: ['dispatch', 'recordArrival', 'recordLabour', 'recordDiagnosis'],
  [S.PLAN_SUBMITTED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
  ],
  [S.PLAN_REJECTED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'rejectPlan',
  ],
  [S.PLAN_APPROVED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
  ],
  [S.IN_REPAIR]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
    'startRepair',
  ],
  [S.PLAN_CHANGE_REQUESTED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
    'startRepair',
    'requestPlanChange',
  ],
  [S.AWAITING_ACCEPTANCE]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
    'startRepair',
    'completeRepair',
  ],
  [S.ACCEPTED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
    'startRepair',
    'completeRepair',
    'accept',
  ],
  [S.CLOSED]: [
    'dispatch',
    'recordArrival',
    'recordLabour',
    'recordDiagnosis',
    'submitPlan',
    'approvePlan',
    'startRepair',
    'completeRepair',
    'accept',
    'close',
  ],
  [S.CANCELLED]: ['cancel'],
};

const ORDER_FIELDS = `id version status urgency dispatchDueAt arrivalDueAt dispatchOverdue arrivalOverdue
  dispatchedAt arrivedAt commissioningResults closedAt contactName contactPhone location
  diagnosis { phenomenon cause component method }
  acceptance { signerName signedAt }
  technicians { employeeNumber }
  assignments { technician { employeeNumber } }
  labourHours labourEntries { hours workedOn technician { employeeNumber } }
  plans { revision status major parts { partNumber quantity } rejectionReason reviews { department approved } }
  currentPlan { revision status parts { partNumber } }
  planChanges { reason approvedBy }
  statusHistory { action fromStatus toStatus principalName reason }`;

describe.skipIf(!databaseAvailable)('repair workflow', () => {
  let service: TestService;
  let equipmentId: string;
  let technicianId: string;
  let viewerStaffId: string;
  const keys: Record<
    'dispatcher' | 'technician' | 'manager' | 'customer' | 'otherCustomer' | 'viewer',
    string
  > = { dispatcher: '', technician: '', manager: '', customer: '', otherCustomer: '', viewer: '' };

  async function admin<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Response<T>> {
    return service.http<T>(query, variables);
  }

  function inputFor(action: RepairAction, order: OrderState): Record<string, unknown> {
    const base = { id: order.id, version: order.version };
    switch (action) {
      case 'dispatch':
        return { ...base, technicianIds: [technicianId] };
      case 'recordDiagnosis':
        return {
          ...base,
          phenomenon: 'Discharge pressure drops by 30% at 90 spm',
          cause: 'Worn valve seat in cylinder 2',
          component: 'fluid end valve seat',
          method: 'pressure test and teardown',
        };
      case 'submitPlan':
        return {
          ...base,
          steps: ['Isolate the pump', 'Replace the valve seat', 'Pressure test'],
          parts: [{ partNumber: 'MP-VS-0175', description: 'Valve seat', quantity: '2' }],
          estimatedHours: '6.5',
          major: false,
          reviewDepartments: ['TECHNICAL_SUPPORT'],
        };
      case 'recordPlanReview':
        return { ...base, department: 'TECHNICAL_SUPPORT', reviewer: 'Li Wei', approved: true };
      case 'rejectPlan':
        return { ...base, reason: 'Check the plunger too' };
      case 'requestPlanChange':
        return { ...base, reason: 'Plunger scored', changes: 'Replace plunger 2 as well' };
      case 'recordLabour':
        return { ...base, technicianId, hours: '4.5', workedOn: today() };
      case 'completeRepair':
        return { ...base, commissioningResults: 'Holds 35 MPa for 15 minutes' };
      case 'accept':
        return { ...base, signerName: 'Zhang San', signedAt: new Date().toISOString() };
      case 'object':
        return { ...base, reason: 'Still leaks at the suction side' };
      case 'cancel':
        return { ...base, reason: 'Customer fixed it themselves' };
      default:
        return base;
    }
  }

  async function perform(
    action: RepairAction,
    order: OrderState,
    key?: string,
    extra: Record<string, unknown> = {},
  ): Promise<Response<Record<string, { repairOrder: OrderState }>>> {
    return service.http(
      mutationOf(action),
      { input: { ...inputFor(action, order), ...extra } },
      { key },
    );
  }

  async function performOk(
    action: RepairAction,
    order: OrderState,
    key?: string,
  ): Promise<OrderState> {
    const response = await perform(action, order, key);
    expect(response.errors, `${action}: ${JSON.stringify(response.errors)}`).toBeUndefined();
    return response.data![REPAIR_ACTIONS[action].mutation].repairOrder;
  }

  async function createOrder(input: Record<string, unknown> = {}): Promise<OrderState> {
    const response = await admin<{ createRepairOrder: { repairOrder: OrderState } }>(
      `mutation($input: CreateRepairOrderInput!) { createRepairOrder(input: $input) { repairOrder { id version status } } }`,
      {
        input: {
          equipmentId,
          channel: 'PHONE',
          faultDescription: 'Pump loses pressure',
          orderType: 'CORRECTIVE_REPAIR',
          ...input,
        },
      },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.createRepairOrder.repairOrder;
  }

  async function orderIn(status: S): Promise<OrderState> {
    let order = await createOrder();
    for (const action of PATHS[status]) order = await performOk(action, order);
    expect(order.status).toBe(status);
    return order;
  }

  async function readOrder<T = OrderState>(id: string, fields = 'id version status', key?: string) {
    const response = await service.http<{ repairOrder: T }>(
      `query($id: ID!) { repairOrder(id: $id) { ${fields} } }`,
      { id },
      { key },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.repairOrder;
  }

  beforeAll(async () => {
    // The transition table sends several hundred operations, more than the default budget allows.
    service = await startTestService({
      config: {
        rateLimit: { enabled: false, capacity: 300, refillPerSecond: 10, keyPrefix: 'rate-limit:' },
      },
    });
    const customers: string[] = [];
    for (const code of ['WF-OPS', 'WF-OTHER']) {
      const created = await admin<{ createCustomer: { customer: { id: string } } }>(
        `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`,
        { input: { code, name: code, kind: 'OPERATOR' } },
      );
      customers.push(created.data!.createCustomer.customer.id);
    }
    const model = await admin<{ createEquipmentModel: { equipmentModel: { id: string } } }>(
      `mutation { createEquipmentModel(input: { manufacturer: "Demo", modelCode: "WF-MP", category: MUD_PUMP }) { equipmentModel { id } } }`,
    );
    const unit = await admin<{ createEquipment: { equipment: { id: string } } }>(
      `mutation($input: CreateEquipmentInput!) { createEquipment(input: $input) { equipment { id } } }`,
      {
        input: {
          serialNumber: 'WF-MP-0001',
          modelId: model.data!.createEquipmentModel.equipmentModel.id,
          customerId: customers[0],
        },
      },
    );
    equipmentId = unit.data!.createEquipment.equipment.id;

    const createStaff = `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`;
    const technician = await admin<{ createStaff: { staff: { id: string } } }>(createStaff, {
      input: {
        employeeNumber: 'WF-T1',
        name: 'Wang Wu',
        department: 'REPAIR',
        roles: ['TECHNICIAN'],
      },
    });
    technicianId = technician.data!.createStaff.staff.id;
    const viewer = await admin<{ createStaff: { staff: { id: string } } }>(createStaff, {
      input: { employeeNumber: 'WF-V1', name: 'Zhao Liu', department: 'REPAIR', roles: ['VIEWER'] },
    });
    viewerStaffId = viewer.data!.createStaff.staff.id;

    const readWrite = [ApiScope.READ, ApiScope.WRITE];
    await service.runtime.runAsSystem(async (scope) => {
      keys.dispatcher = (
        await createApiClient(scope, {
          name: 'wf dispatcher',
          roles: [StaffRole.DISPATCHER],
          scopes: readWrite,
        })
      ).key;
      keys.technician = (
        await createApiClient(scope, {
          name: 'wf technician',
          roles: [StaffRole.TECHNICIAN],
          scopes: readWrite,
        })
      ).key;
      keys.manager = (
        await createApiClient(scope, {
          name: 'wf manager',
          roles: [StaffRole.SERVICE_MANAGER],
          scopes: readWrite,
        })
      ).key;
      keys.viewer = (
        await createApiClient(scope, {
          name: 'wf viewer',
          roles: [StaffRole.VIEWER],
          scopes: readWrite,
        })
      ).key;
      keys.customer = (
        await createApiClient(scope, {
          name: 'wf customer',
          customerCode: 'WF-OPS',
          scopes: readWrite,
        })
      ).key;
      keys.otherCustomer = (
        await createApiClient(scope, {
          name: 'wf other',
          customerCode: 'WF-OTHER',
          scopes: readWrite,
        })
      ).key;
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  describe('transition table', () => {
    it('matches the product workflow', () => {
      for (const action of ACTIONS) {
        expect([...REPAIR_ACTIONS[action].from].sort(), action).toEqual(
          [...EXPECTED_MOVES[action].from].sort(),
        );
        expect(REPAIR_ACTIONS[action].to, action).toBe(EXPECTED_MOVES[action].to);
      }
    });

    for (const status of Object.values(S)) {
      const allowed = ACTIONS.filter((action) => EXPECTED_MOVES[action].from.includes(status));
      const disallowed = ACTIONS.filter((action) => !allowed.includes(action));

      for (const action of allowed) {
        it(`allows ${action} from ${status}`, async () => {
          const order = await orderIn(status);
          const after = await performOk(action, order);
          expect(after.status).toBe(EXPECTED_MOVES[action].to ?? status);
          expect(after.version).toBeGreaterThan(order.version);
        });
      }

      if (disallowed.length > 0) {
        it(`rejects other actions from ${status}`, async () => {
          const order = await orderIn(status);
          for (const action of disallowed) {
            const requested = EXPECTED_MOVES[action].to ?? status;
            const response = await perform(action, order);
            const error = response.errors?.[0];
            expect(error?.extensions?.code, `${action} from ${status}`).toBe('CONFLICT');
            expect(error?.extensions?.currentStatus, action).toBe(status);
            expect(error?.extensions?.requestedStatus, action).toBe(requested);
            expect(error?.message, action).toContain(status);
            expect(error?.message, action).toContain(requested);
          }
          const unchanged = await readOrder(order.id);
          expect(unchanged).toEqual(order);
        });
      }
    }
  });

  it('runs the full workflow over HTTP', async () => {
    let order = await createOrder({
      urgency: 'URGENT',
      contactName: 'Chen Qi',
      contactPhone: '+86 139 0000 0001',
      location: 'Well pad 12, Block 4',
    });
    order = await performOk('dispatch', order, keys.dispatcher);
    order = await performOk('recordArrival', order, keys.technician);
    order = await performOk('recordLabour', order, keys.technician);
    order = await performOk('recordDiagnosis', order, keys.technician);

    // A major plan waits for a review by every listed department.
    const major = await perform('submitPlan', order, keys.technician, {
      major: true,
      reviewDepartments: ['TECHNICAL_SUPPORT', 'PARTS_SUPPLY'],
    });
    expect(major.errors).toBeUndefined();
    order = major.data!.submitRepairPlan.repairOrder;
    const early = await perform('approvePlan', order, keys.manager);
    expect(early.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = early.errors?.[0].extensions?.problems as { message: string }[];
    expect(problems).toHaveLength(2);
    expect(problems[0].message).toContain('TECHNICAL_SUPPORT');
    expect(problems[1].message).toContain('PARTS_SUPPLY');
    order = await performOk('recordPlanReview', order, keys.technician);
    const partsReview = await perform('recordPlanReview', order, keys.manager, {
      department: 'PARTS_SUPPLY',
      reviewer: 'Sun Ba',
      approved: false,
      comment: 'Seat is on back order',
    });
    expect(partsReview.errors).toBeUndefined();
    order = partsReview.data!.recordPlanReview.repairOrder;
    const rejectedByReview = await perform('approvePlan', order, keys.manager);
    expect(rejectedByReview.errors?.[0].message).toContain('PARTS_SUPPLY (Sun Ba) rejected');

    order = await performOk('rejectPlan', order, keys.manager);
    expect(order.status).toBe(S.PLAN_REJECTED);
    const revised = await perform('submitPlan', order, keys.technician, { parts: [] });
    expect(revised.errors).toBeUndefined();
    order = revised.data!.submitRepairPlan.repairOrder;
    order = await performOk('approvePlan', order, keys.manager);
    order = await performOk('startRepair', order, keys.technician);
    order = await performOk('requestPlanChange', order, keys.technician);
    order = await performOk('approvePlanChange', order, keys.manager);
    order = await performOk('completeRepair', order, keys.technician);
    order = await performOk('object', order, keys.customer);
    expect(order.status).toBe(S.IN_REPAIR);
    order = await performOk('completeRepair', order, keys.technician);
    order = await performOk('accept', order, keys.customer);
    order = await performOk('close', order, keys.manager);
    expect(order.status).toBe(S.CLOSED);

    const full = await readOrder<Record<string, unknown>>(order.id, ORDER_FIELDS);
    expect(full.urgency).toBe('URGENT');
    expect(full.contactName).toBe('Chen Qi');
    expect(full.location).toBe('Well pad 12, Block 4');
    expect(full.dispatchOverdue).toBe(false);
    expect(full.arrivalOverdue).toBe(false);
    expect(full.dispatchDueAt).not.toBeNull();
    expect(full.closedAt).not.toBeNull();
    expect(full.technicians).toEqual([{ employeeNumber: 'WF-T1' }]);
    expect(full.assignments).toEqual([{ technician: { employeeNumber: 'WF-T1' } }]);
    expect(full.labourHours).toBe('4.50');
    expect(full.diagnosis).toMatchObject({ component: 'fluid end valve seat' });
    expect(full.acceptance).toMatchObject({ signerName: 'Zhang San' });
    expect(full.commissioningResults).toBe('Holds 35 MPa for 15 minutes');
    const plans = full.plans as { revision: number; status: string; reviews: unknown[] }[];
    expect(plans.map((plan) => [plan.revision, plan.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'APPROVED'],
    ]);
    expect(plans[0].reviews).toHaveLength(2);
    expect(full.currentPlan).toEqual({ revision: 2, status: 'APPROVED', parts: [] });
    expect(full.planChanges).toEqual([{ reason: 'Plunger scored', approvedBy: 'wf manager' }]);
    const history = full.statusHistory as {
      action: string;
      toStatus: string;
      reason: string | null;
    }[];
    expect(history.map((change) => change.toStatus)).toEqual([
      'DISPATCHED',
      'ON_SITE',
      'DIAGNOSED',
      'PLAN_SUBMITTED',
      'PLAN_REJECTED',
      'PLAN_SUBMITTED',
      'PLAN_APPROVED',
      'IN_REPAIR',
      'PLAN_CHANGE_REQUESTED',
      'IN_REPAIR',
      'AWAITING_ACCEPTANCE',
      'IN_REPAIR',
      'AWAITING_ACCEPTANCE',
      'ACCEPTED',
      'CLOSED',
    ]);
    expect(history[11]).toMatchObject({
      action: 'object',
      reason: 'Still leaks at the suction side',
    });

    // The customer reads its order but receives no staff records.
    const customerView = await readOrder<{ technicians: unknown[]; status: string }>(
      order.id,
      'status technicians { employeeNumber }',
      keys.customer,
    );
    expect(customerView.status).toBe('CLOSED');
    expect(customerView.technicians).toEqual([]);

    // Labour and dispatches are the order's own records, so the customer reads them without staff.
    const staffLabour = await readOrder<{ labourHours: string; labourEntries: unknown[] }>(
      order.id,
      'labourHours labourEntries { hours }',
    );
    const customerLabour = await readOrder<{
      labourHours: string;
      labourEntries: { hours: string; technician: unknown }[];
      assignments: { technician: unknown }[];
    }>(
      order.id,
      'labourHours labourEntries { hours technician { employeeNumber } } assignments { technician { employeeNumber } }',
      keys.customer,
    );
    expect(customerLabour.labourEntries).toHaveLength(staffLabour.labourEntries.length);
    expect(customerLabour.labourEntries.length).toBeGreaterThan(0);
    expect(customerLabour.labourHours).toBe(staffLabour.labourHours);
    expect(customerLabour.labourEntries.every((entry) => entry.technician === null)).toBe(true);
    expect(customerLabour.assignments.length).toBeGreaterThan(0);
    expect(customerLabour.assignments.every((entry) => entry.technician === null)).toBe(true);
    const customerPlans = await readOrder<{
      plans: { submittedBy: string | null; reviews: { reviewer: string | null }[] }[];
      statusHistory: { principalName: string | null }[];
    }>(
      order.id,
      'plans { submittedBy reviews { reviewer } } statusHistory { principalName }',
      keys.customer,
    );
    expect(customerPlans.plans[0].reviews).toHaveLength(2);
    expect(customerPlans.plans[0].reviews[0].reviewer).toBeNull();
    expect(customerPlans.plans[0].submittedBy).toBeNull();
    expect(customerPlans.statusHistory[0].principalName).toBeNull();
  });

  it('loads nested workflow fields in batches', async () => {
    const query = `query($first: Int!) { repairOrders(first: $first) { edges { node {
      ${ORDER_FIELDS} equipment { serialNumber } } } } }`;
    const few = await service.run(query, { first: 2 });
    const many = await service.run(query, { first: 40 });
    expect(few.result.errors).toBeUndefined();
    expect(many.result.errors).toBeUndefined();
    expect(many.statements).toBe(few.statements);
  });

  it('lists every missing item on close', async () => {
    const order = await createOrder();
    await service.runtime.runAsSystem(async (scope) => {
      const record = await scope.em.findOneOrFail(RepairOrder, {
        id: fromGlobalId(order.id, 'id').id,
      });
      record.status = S.ACCEPTED;
      await scope.em.flush();
    });
    const current = await readOrder(order.id);
    const response = await perform('close', current, keys.manager);
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.missingItems).toEqual([
      'phenomenon',
      'diagnosis',
      'approvedPlan',
      'partsList',
      'labour',
      'technicians',
    ]);
    expect(error?.extensions?.problems).toHaveLength(6);
    expect(error?.message).toContain('no labour time recorded');
    expect((await readOrder(order.id)).status).toBe(S.ACCEPTED);
  });

  describe('roles', () => {
    const cases: [string, RepairAction, S, keyof typeof keys][] = [
      ['technician approving a plan', 'approvePlan', S.PLAN_SUBMITTED, 'technician'],
      ['dispatcher diagnosing', 'recordDiagnosis', S.ON_SITE, 'dispatcher'],
      ['technician dispatching', 'dispatch', S.REPORTED, 'technician'],
      ['viewer cancelling', 'cancel', S.REPORTED, 'viewer'],
      ['customer dispatching', 'dispatch', S.REPORTED, 'customer'],
      ['customer closing', 'close', S.ACCEPTED, 'customer'],
      ['dispatcher closing', 'close', S.ACCEPTED, 'dispatcher'],
    ];
    for (const [name, action, status, key] of cases) {
      it(`rejects ${name}`, async () => {
        const order = await orderIn(status);
        const response = await perform(action, order, keys[key]);
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(await readOrder(order.id)).toEqual(order);
      });
    }

    it("hides other customers' orders", async () => {
      const order = await orderIn(S.AWAITING_ACCEPTANCE);
      const response = await perform('accept', order, keys.otherCustomer);
      expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await readOrder(order.id)).status).toBe(S.AWAITING_ACCEPTANCE);
    });
  });

  describe('input checks', () => {
    it('rejects a stale version', async () => {
      const order = await createOrder();
      const dispatched = await performOk('dispatch', order, keys.dispatcher);
      const response = await perform('cancel', order, keys.dispatcher);
      expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(response.errors?.[0].extensions?.currentVersion).toBe(dispatched.version);
      expect((await readOrder(order.id)).status).toBe(S.DISPATCHED);
    });

    it('lets one of two concurrent moves win', async () => {
      const order = await createOrder();
      const responses = await Promise.all([
        perform('dispatch', order, keys.dispatcher),
        perform('cancel', order, keys.dispatcher),
      ]);
      const failed = responses.filter((response) => response.errors);
      expect(failed).toHaveLength(1);
      expect(failed[0].errors?.[0].extensions?.code).toBe('CONFLICT');
      const read = await readOrder<OrderState & { statusHistory: unknown[] }>(
        order.id,
        'id version status statusHistory { toStatus }',
      );
      expect(read.version).toBe(2);
      expect(read.statusHistory).toHaveLength(1);
    });

    it('dispatches only active technicians', async () => {
      const order = await createOrder();
      const response = await perform('dispatch', order, keys.dispatcher, {
        technicianIds: [technicianId, viewerStaffId],
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.field).toBe('input.technicianIds[1]');
      expect(response.errors?.[0].message).toContain('is not a technician');
      expect((await readOrder(order.id)).status).toBe(S.REPORTED);
    });

    it('completes only with labour', async () => {
      let order = await createOrder();
      for (const action of [
        'dispatch',
        'recordArrival',
        'recordDiagnosis',
        'submitPlan',
        'approvePlan',
        'startRepair',
      ] as const)
        order = await performOk(action, order);
      const response = await perform('completeRepair', order);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('no labour time');
    });

    it('rejects labour hours over a day', async () => {
      const order = await orderIn(S.ON_SITE);
      const response = await perform('recordLabour', order, keys.technician, { hours: '25' });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.field).toBe('input.hours');
    });
  });

  describe('deadlines', () => {
    it('flags an overdue emergency', async () => {
      const reportedAt = new Date(Date.now() - 48 * 3_600_000).toISOString();
      const order = await createOrder({ urgency: 'EMERGENCY', reportedAt });
      const read = await readOrder<{ dispatchOverdue: boolean; arrivalOverdue: boolean }>(
        order.id,
        'dispatchOverdue arrivalOverdue',
      );
      expect(read.dispatchOverdue).toBe(true);
      expect(read.arrivalOverdue).toBe(true);
    });

    it('keeps a fresh order on time', async () => {
      const order = await createOrder();
      const read = await readOrder<{
        urgency: string;
        dispatchOverdue: boolean;
        arrivalOverdue: boolean;
      }>(order.id, 'urgency dispatchOverdue arrivalOverdue');
      expect(read).toEqual({ urgency: 'NORMAL', dispatchOverdue: false, arrivalOverdue: false });
    });
  });
});
