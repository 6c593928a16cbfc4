// The three operations of the service-history benchmark, each written for this project's API and
// for PostGraphile 5's generated schema, and the normalised records both must return.
import { fromGlobalId, toGlobalId } from '../../core/api/global-id.js';

/** A request body and the server it is for. */
export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** The fields of a repair order that both servers return, in one form. */
interface NormalisedOrder {
  id: string;
  number: string;
  reportedAt: string;
  status: string;
  faultDescription: string;
  tags: (string | null)[];
  cost: string | null;
}

/** One benchmark operation: its inputs, a request per server and input, and normalisers. */
export interface HistoryOperation<Input> {
  name: string;
  description: string;
  project(input: Input): GraphQLRequest;
  postgraphile(input: Input): GraphQLRequest;
  normaliseProject(data: unknown): unknown;
  normalisePostgraphile(data: unknown): unknown;
}

type Json = Record<string, never> & Record<string, unknown>;

const PROJECT_ORDER_FIELDS = `id number reportedAt status faultDescription
  diagnosisTags { system part failureMode } cost { amount currency }`;
const POSTGRAPHILE_ORDER_FIELDS = `rowId number reportedAt status faultDescription
  tagSystem tagPart tagFailureMode costAmount costCurrency`;

function uuidOf(globalId: string): string {
  return fromGlobalId(globalId, 'id').id;
}

function instant(value: string): string {
  return new Date(value).toISOString();
}

function amount(value: string | null, currency: string | null): string | null {
  return value === null ? null : `${Number(value).toFixed(2)} ${currency}`;
}

function projectOrder(node: Json): NormalisedOrder {
  const tags = node.diagnosisTags as Json;
  const cost = node.cost as { amount: string; currency: string } | null;
  return {
    id: uuidOf(node.id as string),
    number: node.number as string,
    reportedAt: instant(node.reportedAt as string),
    status: node.status as string,
    faultDescription: node.faultDescription as string,
    tags: [tags.system, tags.part, tags.failureMode] as (string | null)[],
    cost: cost ? amount(cost.amount, cost.currency) : null,
  };
}

function postgraphileOrder(node: Json): NormalisedOrder {
  return {
    id: node.rowId as string,
    number: node.number as string,
    reportedAt: instant(node.reportedAt as string),
    status: node.status as string,
    faultDescription: node.faultDescription as string,
    tags: [node.tagSystem, node.tagPart, node.tagFailureMode] as (string | null)[],
    cost: amount(node.costAmount as string | null, node.costCurrency as string | null),
  };
}

function nodes(connection: unknown): Json[] {
  return (connection as { edges: { node: Json }[] }).edges.map((edge) => edge.node);
}

/** (a) One unit by serial number with its 20 latest repair orders and their count. */
export const unitHistory: HistoryOperation<{ serial: string; first: number }> = {
  name: 'unit history',
  description: 'one unit by serial number, its latest 20 repair orders and their total count',
  project: ({ serial, first }) => ({
    query: `query UnitHistory($serial: String!, $first: Int!) {
      equipmentBySerial(serial: $serial) {
        id serialNumber
        repairOrders(first: $first) { totalCount edges { node { ${PROJECT_ORDER_FIELDS} } } }
      }
    }`,
    variables: { serial, first },
  }),
  postgraphile: ({ serial, first }) => ({
    query: `query UnitHistory($serial: String!, $first: Int!) {
      equipmentBySerialNumber(serialNumber: $serial) {
        rowId serialNumber
        repairOrdersByEquipmentId(first: $first, orderBy: [REPORTED_AT_DESC, ROW_ID_DESC]) {
          totalCount edges { node { ${POSTGRAPHILE_ORDER_FIELDS} } }
        }
      }
    }`,
    variables: { serial, first },
  }),
  normaliseProject: (data) => {
    const unit = (data as Json).equipmentBySerial as Json;
    const orders = unit.repairOrders as Json;
    return {
      id: uuidOf(unit.id as string),
      serialNumber: unit.serialNumber,
      totalCount: orders.totalCount,
      orders: nodes(orders).map(projectOrder),
    };
  },
  normalisePostgraphile: (data) => {
    const unit = (data as Json).equipmentBySerialNumber as Json;
    const orders = unit.repairOrdersByEquipmentId as Json;
    return {
      id: unit.rowId,
      serialNumber: unit.serialNumber,
      totalCount: orders.totalCount,
      orders: nodes(orders).map(postgraphileOrder),
    };
  },
};

/** (b) The first 50 units of one customer, by serial number, with their 10 latest orders each. */
export const fleetHistory: HistoryOperation<{ code: string; units: number; first: number }> = {
  name: 'fleet history',
  description: '50 units of one customer by serial number, each with its latest 10 repair orders',
  project: ({ code, units, first }) => ({
    query: `query FleetHistory($code: String!, $units: Int!, $first: Int!) {
      customerByCode(code: $code) {
        id code name
        equipment(first: $units) { edges { node {
          id serialNumber status
          repairOrders(first: $first) { edges { node { ${PROJECT_ORDER_FIELDS} } } }
        } } }
      }
    }`,
    variables: { code, units, first },
  }),
  postgraphile: ({ code, units, first }) => ({
    query: `query FleetHistory($code: String!, $units: Int!, $first: Int!) {
      customerByCode(code: $code) {
        rowId code name
        equipmentByCustomerId(first: $units, orderBy: [SERIAL_NUMBER_ASC]) { edges { node {
          rowId serialNumber status
          repairOrdersByEquipmentId(first: $first, orderBy: [REPORTED_AT_DESC, ROW_ID_DESC]) {
            edges { node { ${POSTGRAPHILE_ORDER_FIELDS} } }
          }
        } } }
      }
    }`,
    variables: { code, units, first },
  }),
  normaliseProject: (data) => {
    const customer = (data as Json).customerByCode as Json;
    return {
      id: uuidOf(customer.id as string),
      code: customer.code,
      name: customer.name,
      units: nodes(customer.equipment).map((unit) => ({
        id: uuidOf(unit.id as string),
        serialNumber: unit.serialNumber,
        status: unit.status,
        orders: nodes(unit.repairOrders).map(projectOrder),
      })),
    };
  },
  normalisePostgraphile: (data) => {
    const customer = (data as Json).customerByCode as Json;
    return {
      id: customer.rowId,
      code: customer.code,
      name: customer.name,
      units: nodes(customer.equipmentByCustomerId).map((unit) => ({
        id: unit.rowId,
        serialNumber: unit.serialNumber,
        status: unit.status,
        orders: nodes(unit.repairOrdersByEquipmentId).map(postgraphileOrder),
      })),
    };
  },
};

/** (c) One repair order by id with its unit and the unit's customer. */
export const orderDetail: HistoryOperation<{ id: string }> = {
  name: 'order detail',
  description: 'one repair order by id with its unit and customer',
  project: ({ id }) => ({
    query: `query OrderDetail($id: ID!) {
      repairOrder(id: $id) {
        ${PROJECT_ORDER_FIELDS}
        equipment { id serialNumber status }
        customer { id code name }
      }
    }`,
    variables: { id: toGlobalId('RepairOrder', id) },
  }),
  postgraphile: ({ id }) => ({
    query: `query OrderDetail($id: UUID!) {
      repairOrderByRowId(rowId: $id) {
        ${POSTGRAPHILE_ORDER_FIELDS}
        equipmentByEquipmentId { rowId serialNumber status }
        customerByCustomerId { rowId code name }
      }
    }`,
    variables: { id },
  }),
  normaliseProject: (data) => {
    const order = (data as Json).repairOrder as Json;
    const unit = order.equipment as Json;
    const customer = order.customer as Json;
    return {
      ...projectOrder(order),
      unit: { id: uuidOf(unit.id as string), serialNumber: unit.serialNumber, status: unit.status },
      customer: { id: uuidOf(customer.id as string), code: customer.code, name: customer.name },
    };
  },
  normalisePostgraphile: (data) => {
    const order = (data as Json).repairOrderByRowId as Json;
    const unit = order.equipmentByEquipmentId as Json;
    const customer = order.customerByCustomerId as Json;
    return {
      ...postgraphileOrder(order),
      unit: { id: unit.rowId, serialNumber: unit.serialNumber, status: unit.status },
      customer: { id: customer.rowId, code: customer.code, name: customer.name },
    };
  },
};
