import { toGlobalId } from '../../core/api/global-id.js';
import { normalizeDecimal } from '../../core/database/decimal.type.js';
import { Customer } from '../../core/entities/customer.entity.js';
import {
  CustomerKind,
  Department,
  EquipmentCategory,
  EquipmentStatus,
  SiteKind,
  StaffRole,
} from '../../core/entities/enums.js';
import { EquipmentModel } from '../../core/entities/equipment-model.entity.js';
import { Equipment } from '../../core/entities/equipment.entity.js';
import { Site } from '../../core/entities/site.entity.js';
import { Staff } from '../../core/entities/staff.entity.js';
import type { RequestScope } from '../../core/request-scope.js';
import { ApiClient } from '../../core/security/api-client.entity.js';
import { createApiClient } from '../../core/security/api-keys.js';
import { ApiScope, type Principal } from '../../core/security/principal.js';
import { RepairOrder } from '../../plugins/repair/entities/repair-order.entity.js';
import {
  RepairOrderType,
  ReportChannel,
} from '../../plugins/repair/entities/repair-order.enums.js';
import { TenantModel, type ModelRecord, type RecordType, type Viewer } from './tenant-model.js';
import type { TestService } from './test-service.js';

// Three customers with sites, rigs and their components, spare units and repair orders, plus
// staff and API keys, written directly through the ORM for the tenant isolation test.

/** A customer, its sites, its units (rigs with components) and its repair orders. */
interface TenantSpec {
  prefix: 'ALF' | 'BRV' | 'CHL';
  name: string;
  kind: CustomerKind;
  sites: string[];
  rigs: number;
}

const TENANTS: TenantSpec[] = [
  {
    prefix: 'ALF',
    name: 'ALF Tarim Drilling Company',
    kind: CustomerKind.DRILLING_CONTRACTOR,
    sites: ['ALF Korla Yard', 'ALF Well Pad 7', 'ALF Luntai Base'],
    rigs: 2,
  },
  {
    prefix: 'BRV',
    name: 'BRV Ordos Gas Operator',
    kind: CustomerKind.OPERATOR,
    sites: ['BRV Sulige Pad 3', 'BRV Yulin Base'],
    rigs: 1,
  },
  {
    prefix: 'CHL',
    name: 'CHL Bohai Service Company',
    kind: CustomerKind.SERVICE_COMPANY,
    sites: ['CHL Tanggu Yard'],
    rigs: 1,
  },
];

const FAULTS = [
  'Hydraulic leak at the swivel',
  'Seal wear on the fluid end',
  'Overheating gearbox',
];

export interface SeededData {
  model: TenantModel;
  viewers: Viewer[];
}

/** Writes the three customers, their records, staff and API keys, and returns the model. */
export async function seedTenants(service: TestService): Promise<SeededData> {
  const model = new TenantModel();
  const viewers: Viewer[] = [];
  await service.runtime.runAsSystem(async (scope) => {
    const catalogue = seedCatalogue(scope, model);
    const customers = TENANTS.map((spec, index) =>
      seedTenant(scope, model, spec, index, catalogue),
    );
    seedTransferredUnit(scope, model, customers, catalogue);
    seedStaff(scope, model);
    await scope.em.flush();

    for (const [index, spec] of TENANTS.entries()) {
      const { client, key } = await createApiClient(scope, {
        name: `${spec.prefix} partner ERP`,
        scopes: [ApiScope.READ, ApiScope.WRITE],
        customerCode: `TI-${spec.prefix}`,
      });
      viewers.push({
        name: `${spec.prefix} key`,
        key,
        principal: principalOf(client),
        customerId: customers[index].id,
      });
    }
    const { client, key } = await createApiClient(scope, {
      name: 'company dashboard',
      roles: [StaffRole.VIEWER],
      scopes: [ApiScope.READ, ApiScope.WRITE],
    });
    viewers.push({ name: 'company viewer', key, principal: principalOf(client) });

    // Every API client, the bootstrap admin included, is a company record no customer may see.
    for (const apiClient of await scope.em.find(ApiClient, {})) {
      model.add({
        label: `ApiClient ${apiClient.name}`,
        type: 'ApiClient',
        id: apiClient.id,
        globalId: toGlobalId('ApiClient', apiClient.id),
        owner: null,
        fields: { name: apiClient.name, keyPrefix: apiClient.keyPrefix },
        identifiers: [
          toGlobalId('ApiClient', apiClient.id),
          apiClient.id,
          apiClient.name,
          apiClient.keyPrefix,
        ],
        searchText: [],
        customerId: apiClient.customer?.id,
      });
    }
  });
  return { model, viewers };
}

/** Builds the principal that the authenticator makes of this client's key. */
function principalOf(client: ApiClient): Principal {
  return {
    kind: 'api-client',
    id: `api-client:${client.id}`,
    name: client.name,
    roles: client.roles,
    scopes: client.scopes,
    customerId: client.customer?.id,
  };
}

function seedCatalogue(scope: RequestScope, model: TenantModel): EquipmentModel[] {
  const specs: [string, EquipmentCategory][] = [
    ['ZJ70DB', EquipmentCategory.DRILLING_RIG],
    ['F-1600', EquipmentCategory.MUD_PUMP],
    ['DQ70BSC', EquipmentCategory.TOP_DRIVE],
  ];
  return specs.map(([modelCode, category]) => {
    const entity = scope.em.create(EquipmentModel, {
      manufacturer: 'Lanzhou LS',
      modelCode,
      category,
    });
    model.add({
      label: `EquipmentModel ${modelCode}`,
      type: 'EquipmentModel',
      id: entity.id,
      globalId: toGlobalId('EquipmentModel', entity.id),
      owner: null,
      fields: { modelCode },
      identifiers: [],
      searchText: [],
    });
    return entity;
  });
}

function seedTenant(
  scope: RequestScope,
  model: TenantModel,
  spec: TenantSpec,
  index: number,
  catalogue: EquipmentModel[],
): Customer {
  const em = scope.em;
  const code = `TI-${spec.prefix}`;
  const customer = em.create(Customer, { code, name: spec.name, kind: spec.kind });
  model.add({
    ...identity('Customer', customer.id, `Customer ${code}`, customer.id, [code, spec.name]),
    naturalKey: code,
    fields: { code, name: spec.name },
    searchText: [code.toLowerCase(), spec.name.toLowerCase()],
    customerId: customer.id,
  });

  const sites = spec.sites.map((name) => {
    const site = em.create(Site, { customer, name, kind: SiteKind.WELL_SITE });
    model.add({
      ...identity('Site', site.id, `Site ${name}`, customer.id, [name]),
      fields: { name },
      searchText: [name.toLowerCase()],
      customerId: customer.id,
    });
    return site;
  });

  const addUnit = (serial: string, modelIndex: number, site: Site | null, parent?: Equipment) => {
    const decommissioned = serial.endsWith('-9');
    const unit = em.create(Equipment, {
      serialNumber: serial,
      model: catalogue[modelIndex],
      customer,
      site,
      parent: parent ?? null,
      status: decommissioned ? EquipmentStatus.DECOMMISSIONED : EquipmentStatus.IN_SERVICE,
    });
    model.add({
      ...identity('Equipment', unit.id, `Equipment ${serial}`, customer.id, [serial]),
      naturalKey: serial,
      fields: { serialNumber: serial },
      searchText: [serial.toLowerCase()],
      customerId: customer.id,
      siteId: site?.id ?? null,
      parentId: parent?.id ?? null,
      decommissioned,
    });
    return unit;
  };

  let orderNumber = 0;
  const addOrder = (unit: Equipment, withCost: boolean) => {
    orderNumber += 1;
    const number = `RO-${spec.prefix}-${String(orderNumber).padStart(3, '0')}`;
    const fault = FAULTS[orderNumber % FAULTS.length];
    const cost = withCost ? normalizeDecimal(`${1000 + index * 100 + orderNumber}.5`, 2) : null;
    const order = em.create(RepairOrder, {
      number,
      equipment: unit,
      customer,
      reportedAt: new Date(Date.UTC(2026, index, orderNumber, 8)),
      channel: ReportChannel.PHONE,
      faultDescription: fault,
      orderType: RepairOrderType.CORRECTIVE_REPAIR,
      costAmount: cost,
      costCurrency: cost ? 'CNY' : null,
    });
    model.add({
      ...identity('RepairOrder', order.id, `RepairOrder ${number}`, customer.id, [number]),
      naturalKey: number,
      fields: { number, faultDescription: fault },
      searchText: [number.toLowerCase(), fault.toLowerCase()],
      customerId: customer.id,
      equipmentId: unit.id,
      cost,
    });
  };

  for (let rig = 1; rig <= spec.rigs; rig += 1) {
    const site = sites[(rig - 1) % sites.length];
    const rigUnit = addUnit(`${spec.prefix}-RIG-${rig}`, 0, site);
    const pump = addUnit(`${spec.prefix}-MP-${rig}`, 1, site, rigUnit);
    const topDrive = addUnit(`${spec.prefix}-TD-${rig}`, 2, site, rigUnit);
    addOrder(rigUnit, true);
    addOrder(pump, false);
    if (rig === 1) addOrder(pump, true);
    if (rig === 1) addOrder(topDrive, index !== 1);
  }
  // A spare pump at no site, and for BRV a decommissioned pump.
  addOrder(addUnit(`${spec.prefix}-MP-8`, 1, null), false);
  if (spec.prefix === 'BRV') addUnit(`${spec.prefix}-MP-9`, 1, sites[0]);
  return customer;
}

/**
 * Writes a unit that CHL sold to ALF, with an order of each. CHL's old order still names the
 * unit, so nested lists and references cross customers, and only the tenant filter can hide the
 * other side.
 */
function seedTransferredUnit(
  scope: RequestScope,
  model: TenantModel,
  customers: Customer[],
  catalogue: EquipmentModel[],
): void {
  const [alf, , chl] = customers;
  const serial = 'XFER-MP-1';
  const unit = scope.em.create(Equipment, {
    serialNumber: serial,
    model: catalogue[1],
    customer: alf,
  });
  model.add({
    ...identity('Equipment', unit.id, `Equipment ${serial}`, alf.id, [serial]),
    naturalKey: serial,
    fields: { serialNumber: serial },
    searchText: [serial.toLowerCase()],
    customerId: alf.id,
    siteId: null,
    parentId: null,
  });
  const orders: [Customer, string, Date][] = [
    [chl, 'RO-CHL-900', new Date(Date.UTC(2025, 5, 1, 8))],
    [alf, 'RO-ALF-900', new Date(Date.UTC(2026, 5, 1, 8))],
  ];
  for (const [customer, number, reportedAt] of orders) {
    const order = scope.em.create(RepairOrder, {
      number,
      equipment: unit,
      customer,
      reportedAt,
      channel: ReportChannel.EMAIL,
      faultDescription: FAULTS[0],
      orderType: RepairOrderType.INSPECTION,
      costAmount: '730.00',
      costCurrency: 'CNY',
    });
    model.add({
      ...identity('RepairOrder', order.id, `RepairOrder ${number}`, customer.id, [number]),
      naturalKey: number,
      fields: { number, faultDescription: FAULTS[0] },
      searchText: [number.toLowerCase(), FAULTS[0].toLowerCase()],
      customerId: customer.id,
      equipmentId: unit.id,
      cost: '730.00',
    });
  }
}

function seedStaff(scope: RequestScope, model: TenantModel): void {
  const people: [string, string, Department, StaffRole[]][] = [
    ['EMP-90001', 'Wang Lei', Department.REPAIR, [StaffRole.TECHNICIAN]],
    ['EMP-90002', 'Zhao Min', Department.AFTER_SALES_MANAGEMENT, [StaffRole.SERVICE_MANAGER]],
    ['EMP-90003', 'Sun Hao', Department.PARTS_SUPPLY, [StaffRole.PARTS_CLERK]],
  ];
  for (const [index, [employeeNumber, name, department, roles]] of people.entries()) {
    const email = `${name.toLowerCase().replace(' ', '.')}@service.example`;
    const phone = `+86 10 5550 ${9100 + index}`;
    const staff = scope.em.create(Staff, { employeeNumber, name, department, roles, email, phone });
    model.add({
      ...identity('Staff', staff.id, `Staff ${employeeNumber}`, null, [employeeNumber, name]),
      naturalKey: employeeNumber,
      fields: { employeeNumber, name },
      searchText: [employeeNumber.toLowerCase(), name.toLowerCase()],
      email,
      phone,
    });
  }
}

function identity(
  type: RecordType,
  id: string,
  label: string,
  owner: string | null,
  names: string[],
): Pick<ModelRecord, 'type' | 'id' | 'globalId' | 'label' | 'owner' | 'identifiers'> {
  const globalId = toGlobalId(type, id);
  return { type, id, globalId, label, owner, identifiers: [globalId, id, ...names] };
}
