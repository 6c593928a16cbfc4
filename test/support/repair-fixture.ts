import type { GraphqlRequest } from './repair-live.js';

/** The version and status of a repair order as the workflow mutations return them. */
export interface OrderState {
  id: string;
  version: number;
  status: string;
}

/** A customer's unit and a technician, created through the public API. */
export interface RepairFixture {
  equipmentId: string;
  technicianId: string;
}

function dataOf<T>(name: string, response: { data?: T | null; errors?: readonly unknown[] }): T {
  if (response.errors || !response.data) {
    throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** Creates a customer, an equipment model, a unit and a technician whose names start with `tag`. */
export async function seedRepairFixture(
  request: GraphqlRequest,
  tag: string,
): Promise<RepairFixture> {
  const customer = dataOf(
    'createCustomer',
    await request<{ createCustomer: { customer: { id: string } } }>(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }`,
      { input: { code: `${tag}-OPS`, name: `${tag} Operations`, kind: 'OPERATOR' } },
    ),
  ).createCustomer.customer.id;
  const model = dataOf(
    'createEquipmentModel',
    await request<{ createEquipmentModel: { equipmentModel: { id: string } } }>(
      `mutation($input: CreateEquipmentModelInput!) { createEquipmentModel(input: $input) { equipmentModel { id } } }`,
      { input: { manufacturer: 'Demo', modelCode: `${tag}-MP`, category: 'MUD_PUMP' } },
    ),
  ).createEquipmentModel.equipmentModel.id;
  const equipmentId = dataOf(
    'createEquipment',
    await request<{ createEquipment: { equipment: { id: string } } }>(
      `mutation($input: CreateEquipmentInput!) { createEquipment(input: $input) { equipment { id } } }`,
      { input: { serialNumber: `${tag}-MP-0001`, modelId: model, customerId: customer } },
    ),
  ).createEquipment.equipment.id;
  const technicianId = dataOf(
    'createStaff',
    await request<{ createStaff: { staff: { id: string } } }>(
      `mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }`,
      {
        input: {
          employeeNumber: `${tag}-T1`,
          name: 'Wang Wu',
          department: 'REPAIR',
          roles: ['TECHNICIAN'],
        },
      },
    ),
  ).createStaff.staff.id;
  return { equipmentId, technicianId };
}

/** Reports a new order on the fixture's unit with `createRepairOrder`. */
export async function reportRepairOrder(
  request: GraphqlRequest,
  fixture: RepairFixture,
): Promise<OrderState> {
  const response = await request<{ createRepairOrder: { repairOrder: OrderState } }>(
    `mutation($input: CreateRepairOrderInput!) {
      createRepairOrder(input: $input) { repairOrder { id version status } }
    }`,
    {
      input: {
        equipmentId: fixture.equipmentId,
        channel: 'PHONE',
        faultDescription: 'Mud pump loses discharge pressure at 90 spm',
        orderType: 'CORRECTIVE_REPAIR',
        urgency: 'URGENT',
      },
    },
  );
  return dataOf('createRepairOrder', response).createRepairOrder.repairOrder;
}

/** A workflow mutation with its input type and the fields it needs besides `id` and `version`. */
interface WorkflowStep {
  mutation: string;
  inputType: string;
  input(fixture: RepairFixture): Record<string, unknown>;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every step from REPORTED to CLOSED, in order, with the example inputs of the workflow guide. */
export const LIFECYCLE_STEPS: WorkflowStep[] = [
  {
    mutation: 'dispatchRepairOrder',
    inputType: 'DispatchRepairOrderInput',
    input: (fixture) => ({ technicianIds: [fixture.technicianId] }),
  },
  { mutation: 'recordArrival', inputType: 'RecordArrivalInput', input: () => ({}) },
  {
    mutation: 'recordDiagnosis',
    inputType: 'RecordDiagnosisInput',
    input: () => ({
      phenomenon: 'Discharge pressure drops by 30% at 90 spm',
      cause: 'Worn valve seat in cylinder 2',
      component: 'fluid end valve seat',
      method: 'pressure test and teardown',
    }),
  },
  {
    mutation: 'submitRepairPlan',
    inputType: 'SubmitRepairPlanInput',
    input: () => ({
      steps: ['Isolate and drain the pump', 'Replace the valve seat', 'Pressure test at 35 MPa'],
      parts: [{ partNumber: 'MP-VS-0175', description: 'Valve seat', quantity: '2' }],
      estimatedHours: '6.5',
      major: false,
    }),
  },
  { mutation: 'approveRepairPlan', inputType: 'ApproveRepairPlanInput', input: () => ({}) },
  { mutation: 'startRepair', inputType: 'StartRepairInput', input: () => ({}) },
  {
    mutation: 'recordLabour',
    inputType: 'RecordLabourInput',
    input: (fixture) => ({ technicianId: fixture.technicianId, hours: '3.5', workedOn: today() }),
  },
  {
    mutation: 'completeRepair',
    inputType: 'CompleteRepairInput',
    input: () => ({ commissioningResults: 'Holds 35 MPa for 15 minutes, no leaks, 92 spm' }),
  },
  {
    mutation: 'acceptRepair',
    inputType: 'AcceptRepairInput',
    input: () => ({ signerName: 'Zhang San', signedAt: new Date().toISOString() }),
  },
  { mutation: 'closeRepairOrder', inputType: 'CloseRepairOrderInput', input: () => ({}) },
];

/** Runs one workflow step on `order` and returns the order's new state. */
export async function runWorkflowStep(
  request: GraphqlRequest,
  fixture: RepairFixture,
  step: WorkflowStep,
  order: OrderState,
): Promise<OrderState> {
  const response = await request<Record<string, { repairOrder: OrderState }>>(
    `mutation($input: ${step.inputType}!) {
      ${step.mutation}(input: $input) { repairOrder { id version status } }
    }`,
    { input: { id: order.id, version: order.version, ...step.input(fixture) } },
  );
  return dataOf(step.mutation, response)[step.mutation].repairOrder;
}
