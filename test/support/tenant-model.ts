import { StaffRole } from '../../core/entities/enums.js';
import type { GraphQLFormattedError } from 'graphql';
import type { Principal } from '../../core/security/principal.js';

// The records the tenant isolation test writes, the visibility rule that customer-bound API keys
// must obey, and a checker that compares GraphQL responses with both.

export type RecordType =
  'Customer' | 'Site' | 'EquipmentModel' | 'Equipment' | 'RepairOrder' | 'Staff' | 'ApiClient';

/** The test's own account of one stored record, kept independently of the API. */
export interface ModelRecord {
  /** Readable name for reports, such as "Equipment BRV-RIG-1". */
  label: string;
  type: RecordType;
  /** Database key. */
  id: string;
  globalId: string;
  /** Database key of the owning customer, or null for company records and the shared catalogue. */
  owner: string | null;
  /** Business key the natural-key queries take: code, serial, order number or employee number. */
  naturalKey?: string;
  /** Scalar fields a response must repeat exactly, by GraphQL field name. */
  fields: Record<string, string>;
  /** Strings that identify the record. A viewer who may not see it must never receive one. */
  identifiers: string[];
  /** Texts the list's `text` filter matches, lower-cased. */
  searchText: string[];
  customerId?: string;
  siteId?: string | null;
  parentId?: string | null;
  equipmentId?: string;
  /** Stored cost amount of a repair order. */
  cost?: string | null;
  email?: string | null;
  phone?: string | null;
  decommissioned?: boolean;
}

/** A caller: an API key and the principal the authenticator makes of it. */
export interface Viewer {
  /** Readable name for reports, such as "ALF key". */
  name: string;
  key: string;
  principal: Principal;
  /** Database key of the customer the key is bound to. */
  customerId?: string;
}

/** All records, and the visibility rule the product must implement. */
export class TenantModel {
  readonly records: ModelRecord[] = [];
  private readonly byGlobalId = new Map<string, ModelRecord>();
  private readonly byKey = new Map<string, ModelRecord>();
  private readonly byLabel = new Map<string, ModelRecord>();

  add(record: ModelRecord): ModelRecord {
    this.records.push(record);
    this.byGlobalId.set(record.globalId, record);
    this.byKey.set(record.id, record);
    this.byLabel.set(record.label, record);
    return record;
  }

  /** Returns the record with `label`. An unknown label is a bug in the test and throws. */
  withLabel(label: string): ModelRecord {
    const record = this.byLabel.get(label);
    if (!record) throw new Error(`no record labelled "${label}"`);
    return record;
  }

  withGlobalId(globalId: string): ModelRecord | undefined {
    return this.byGlobalId.get(globalId);
  }

  withKey(id: string | null | undefined): ModelRecord | undefined {
    return id ? this.byKey.get(id) : undefined;
  }

  /**
   * Customer-bound viewers see their customer's records and the shared model catalogue only.
   * API clients are visible to admins alone.
   */
  visible(viewer: Viewer, record: ModelRecord): boolean {
    if (record.type === 'ApiClient')
      return !viewer.customerId && viewer.principal.roles.includes(StaffRole.ADMIN);
    if (!viewer.customerId) return true;
    if (record.type === 'EquipmentModel') return true;
    if (record.type === 'RepairOrder') {
      // NOTE: the ORM also applies the tenant filter to the order's unit (MikroORM 6's
      // autoJoinRefsForFilters), so an order stays hidden from its customer once the unit belongs
      // to another customer. Whether the old owner should keep that history is still open.
      const unit = this.withKey(record.equipmentId);
      return record.owner === viewer.customerId && unit?.owner === viewer.customerId;
    }
    return record.owner === viewer.customerId;
  }

  /** Identifiers, staff contacts included, that must never reach `viewer`. */
  forbiddenStrings(viewer: Viewer): string[] {
    if (!viewer.customerId) return [];
    const hidden = this.records.filter((record) => !this.visible(viewer, record));
    const contacts = this.records.flatMap((record) =>
      record.type === 'Staff' ? [record.email, record.phone] : [],
    );
    return [
      ...hidden.flatMap((record) => record.identifiers),
      ...contacts.filter((value): value is string => Boolean(value)),
    ];
  }
}

// Nested lists: which stored records a connection field under a parent contains.
const CHILD_LISTS: Record<string, { type: RecordType; parentKey: keyof ModelRecord }> = {
  'Customer.sites': { type: 'Site', parentKey: 'customerId' },
  'Customer.equipment': { type: 'Equipment', parentKey: 'customerId' },
  'Site.equipment': { type: 'Equipment', parentKey: 'siteId' },
  'Equipment.components': { type: 'Equipment', parentKey: 'parentId' },
  'Equipment.repairOrders': { type: 'RepairOrder', parentKey: 'equipmentId' },
};

// Single references: the model property that holds the referenced record's key.
const REFERENCES: Record<string, keyof ModelRecord> = {
  'Site.customer': 'customerId',
  'Equipment.customer': 'customerId',
  'Equipment.site': 'siteId',
  'Equipment.parent': 'parentId',
  'RepairOrder.customer': 'customerId',
  'RepairOrder.equipment': 'equipmentId',
  'ApiClient.customer': 'customerId',
};

// Response keys that queries use as aliases, where two fragments would clash on a field name.
const ALIASES: Record<string, string> = { unit: 'equipment', boundCustomer: 'customer' };

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export type Json = Record<string, unknown>;

/** Collects the problems of one response. An empty list means that the case passed. */
export class ResponseChecker {
  readonly problems: string[] = [];

  constructor(
    private readonly model: TenantModel,
    readonly viewer: Viewer,
  ) {}

  report(problem: string): void {
    this.problems.push(problem);
  }

  /** Checks a Node object, its references and its nested lists against the model. */
  node(value: unknown, where: string): ModelRecord | undefined {
    if (value === null || value === undefined) return undefined;
    const object = value as Json;
    const record = this.model.withGlobalId(String(object.id));
    if (!record) {
      this.report(`${where}: id ${String(object.id)} is no record the test created`);
      return undefined;
    }
    if (!this.model.visible(this.viewer, record)) {
      const owner = this.model.withKey(record.owner)?.label ?? 'the company';
      this.report(`${where}: received ${record.label}, a record of ${owner}`);
    }
    if ('__typename' in object && object.__typename !== record.type) {
      this.report(`${where}: __typename ${String(object.__typename)}, expected ${record.type}`);
    }
    for (const [field, expected] of Object.entries(record.fields)) {
      if (field in object && object[field] !== expected) {
        this.report(`${where}.${field}: ${JSON.stringify(object[field])}, expected "${expected}"`);
      }
    }
    this.hiddenFields(object, record, where);
    for (const [key, value] of Object.entries(object)) {
      const field = ALIASES[key] ?? key;
      const relation = `${record.type}.${field}`;
      if (relation in REFERENCES) this.reference(value, record, relation, `${where}.${key}`);
      if (relation in CHILD_LISTS && value !== null) {
        const { type, parentKey } = CHILD_LISTS[relation];
        const expected = this.model.records.filter(
          (child) =>
            child.type === type &&
            child[parentKey] === record.id &&
            this.model.visible(this.viewer, child),
        );
        this.connection(value, expected, `${where}.${key}`);
      }
    }
    return record;
  }

  /** Checks that cost, email and phone are null for customer keys and stored values otherwise. */
  private hiddenFields(object: Json, record: ModelRecord, where: string): void {
    const bound = Boolean(this.viewer.customerId);
    if ('cost' in object) {
      const amount = (object.cost as { amount?: string } | null)?.amount ?? null;
      const expected = bound ? null : (record.cost ?? null);
      if (amount !== expected) this.report(`${where}.cost: ${amount}, expected ${expected}`);
    }
    for (const field of ['email', 'phone'] as const) {
      if (!(field in object)) continue;
      const expected = bound ? null : (record[field] ?? null);
      if (object[field] !== expected) {
        this.report(`${where}.${field}: ${JSON.stringify(object[field])}, expected ${expected}`);
      }
    }
  }

  private reference(value: unknown, record: ModelRecord, relation: string, where: string): void {
    const target = this.model.withKey(record[REFERENCES[relation]] as string | null | undefined);
    const targetVisible = target !== undefined && this.model.visible(this.viewer, target);
    if (!targetVisible) {
      if (value === null) return;
      this.report(`${where}: expected null, the referenced record is hidden`);
      this.node(value, where);
      return;
    }
    if (value === null) {
      this.report(`${where}: null, expected ${target.label}`);
      return;
    }
    const received = this.node(value, where);
    if (received && received !== target) {
      this.report(`${where}: ${received.label}, expected ${target.label}`);
    }
  }

  /**
   * Checks a connection: every node is in `expected`, no node repeats, totalCount is the number of
   * expected records, and a page with no neighbours contains all of them.
   */
  connection(value: unknown, expected: ModelRecord[], where: string): string[] {
    const connection = value as {
      totalCount?: number;
      pageInfo?: { hasNextPage: boolean; hasPreviousPage: boolean };
      edges?: { node: Json }[];
    };
    const expectedIds = new Set(expected.map((record) => record.globalId));
    if ('totalCount' in connection && connection.totalCount !== expected.length) {
      this.report(`${where}.totalCount: ${connection.totalCount}, expected ${expected.length}`);
    }
    if (!connection.edges) return [];
    const ids = connection.edges.map((edge) => String(edge.node.id));
    connection.edges.forEach((edge, index) => {
      const record = this.node(edge.node, `${where}.edges[${index}]`);
      if (record && !expectedIds.has(record.globalId) && this.model.visible(this.viewer, record)) {
        this.report(`${where}: ${record.label} does not belong in this list`);
      }
    });
    if (new Set(ids).size !== ids.length) this.report(`${where}: a record appears twice`);
    const info = connection.pageInfo;
    if (info && !info.hasNextPage && !info.hasPreviousPage && ids.length !== expected.length) {
      this.report(`${where}: ${ids.length} records on the only page, expected ${expected.length}`);
    }
    if (info?.hasNextPage && ids.length >= expected.length) {
      this.report(`${where}: hasNextPage with ${ids.length} of ${expected.length} records`);
    }
    return ids;
  }

  /**
   * Reports forbidden strings anywhere in the data, or in error messages unless the request sent
   * them, and internal errors that show more than "Internal server error".
   */
  scanForLeaks(response: GraphQLResponse, variables: Json): void {
    const forbidden = this.model.forbiddenStrings(this.viewer);
    const data = JSON.stringify(response.data ?? null);
    const sent = new Set(stringsIn(variables));
    for (const value of forbidden) {
      if (data.includes(value)) this.report(`data contains "${value}"`);
    }
    for (const error of response.errors ?? []) {
      let message = error.message;
      for (const value of sent) message = message.split(value).join('');
      for (const value of forbidden) {
        if (message.includes(value)) this.report(`error "${error.message}" contains "${value}"`);
      }
    }
    for (const error of response.errors ?? []) {
      const code = error.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR' && error.message !== 'Internal server error') {
        this.report(`internal error shows its message: ${error.message}`);
      }
    }
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}
