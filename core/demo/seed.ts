import { Customer } from '../entities/customer.entity.js';
import {
  CustomerKind,
  Department,
  EquipmentCategory,
  EquipmentStatus,
  SiteKind,
  StaffRole,
} from '../entities/enums.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import { Equipment } from '../entities/equipment.entity.js';
import { Site } from '../entities/site.entity.js';
import { Staff } from '../entities/staff.entity.js';
import type { RequestScope } from '../request-scope.js';

const SYNTHETIC_NOTE = 'Demo record: the company, its sites and its units are made up.';

/**
 * Loads a small, made-up customer base: two customers with sites, a rig with a mud pump and a top
 * drive, a fracturing unit, and staff for each department. Every customer and unit is flagged
 * synthetic.
 */
export async function seedCoreDemoData(scope: RequestScope): Promise<void> {
  const em = scope.em;
  const bohai = em.create(Customer, {
    code: 'BOHAI-DRILL',
    name: 'Bohai Drilling Services (demo)',
    kind: CustomerKind.DRILLING_CONTRACTOR,
    region: 'North China',
    address: 'Binhai New Area, Tianjin',
    contacts: [
      {
        name: 'Zhang Wei',
        role: 'Rig manager',
        phone: '+86 22 5555 0101',
        email: 'rig.manager@bohai-drill.example',
      },
    ],
    notes: SYNTHETIC_NOTE,
    isSynthetic: true,
  });
  const permian = em.create(Customer, {
    code: 'PERMIAN-OPS',
    name: 'Permian Basin Operating (demo)',
    kind: CustomerKind.OPERATOR,
    region: 'West Texas',
    address: 'Midland, TX',
    contacts: [
      {
        name: 'Dana Ortiz',
        role: 'Completions superintendent',
        phone: '+1 432 555 0147',
        email: 'completions@permian-ops.example',
      },
    ],
    notes: SYNTHETIC_NOTE,
    isSynthetic: true,
  });

  const rigSite = em.create(Site, {
    customer: bohai,
    name: 'Rig BH-12',
    kind: SiteKind.RIG,
    region: 'North China',
    latitude: 38.98,
    longitude: 117.75,
    timeZone: 'Asia/Shanghai',
  });
  const baseSite = em.create(Site, {
    customer: bohai,
    name: 'Tanggu service base',
    kind: SiteKind.BASE,
    region: 'North China',
    latitude: 39.02,
    longitude: 117.65,
    timeZone: 'Asia/Shanghai',
  });
  const padSite = em.create(Site, {
    customer: permian,
    name: 'Pad 7 well site',
    kind: SiteKind.WELL_SITE,
    region: 'West Texas',
    latitude: 31.99,
    longitude: -102.08,
    timeZone: 'America/Chicago',
  });

  const rigModel = em.create(EquipmentModel, {
    manufacturer: 'Demo Rigs',
    modelCode: 'ZJ50DB',
    name: '5,000 m land drilling rig',
    category: EquipmentCategory.DRILLING_RIG,
    serviceManualRef: 'DM-ZJ50DB-SM-03',
    maintenanceItems: ['Inspect derrick pins and welds', 'Lubricate crown block sheaves'],
  });
  const pumpModel = em.create(EquipmentModel, {
    manufacturer: 'Demo Pumps',
    modelCode: 'F-1600',
    name: 'Triplex mud pump 1,600 hp',
    category: EquipmentCategory.MUD_PUMP,
    serviceManualRef: 'DP-F1600-SM-07',
    maintenanceItems: [
      'Replace liners and pistons',
      'Check pulsation dampener pre-charge',
      'Change power end oil',
    ],
  });
  const topDriveModel = em.create(EquipmentModel, {
    manufacturer: 'Demo Rigs',
    modelCode: 'DQ70',
    name: 'AC top drive 450 t',
    category: EquipmentCategory.TOP_DRIVE,
    serviceManualRef: 'DM-DQ70-SM-02',
    maintenanceItems: ['Grease wash pipe', 'Inspect IBOP valves'],
  });
  const fracModel = em.create(EquipmentModel, {
    manufacturer: 'Demo Pumps',
    modelCode: 'FU-2500',
    name: '2,500 hp fracturing unit',
    category: EquipmentCategory.FRACTURING_UNIT,
    serviceManualRef: 'DP-FU2500-SM-01',
    maintenanceItems: ['Inspect fluid end valves and seats', 'Check plunger packing'],
  });

  const rig = em.create(Equipment, {
    serialNumber: 'RIG-ZJ50-0007',
    model: rigModel,
    customer: bohai,
    site: rigSite,
    commissionedOn: '2019-05-20',
    warrantyEndsOn: '2021-05-20',
    status: EquipmentStatus.IN_SERVICE,
    runningHours: '31250.0',
    meterReadings: [],
    isSynthetic: true,
  });
  em.create(Equipment, {
    serialNumber: 'MP-F1600-2019-031',
    model: pumpModel,
    customer: bohai,
    site: rigSite,
    parent: rig,
    commissionedOn: '2019-05-20',
    warrantyEndsOn: '2021-05-20',
    status: EquipmentStatus.IN_SERVICE,
    runningHours: '18620.5',
    meterReadings: [
      { name: 'strokes', value: '41200000', unit: 'strokes', readAt: '2026-11-30T00:00:00.000Z' },
    ],
    isSynthetic: true,
  });
  em.create(Equipment, {
    serialNumber: 'TD-DQ70-2020-112',
    model: topDriveModel,
    customer: bohai,
    site: rigSite,
    parent: rig,
    commissionedOn: '2020-03-02',
    warrantyEndsOn: '2022-03-02',
    status: EquipmentStatus.DOWN,
    runningHours: '14980.0',
    meterReadings: [],
    isSynthetic: true,
  });
  em.create(Equipment, {
    serialNumber: 'MP-F1600-2021-077',
    model: pumpModel,
    customer: bohai,
    site: baseSite,
    commissionedOn: '2021-09-14',
    warrantyEndsOn: '2023-09-14',
    status: EquipmentStatus.UNDER_MAINTENANCE,
    runningHours: '9120.0',
    meterReadings: [],
    isSynthetic: true,
  });
  em.create(Equipment, {
    serialNumber: 'FU-2500-2023-004',
    model: fracModel,
    customer: permian,
    site: padSite,
    commissionedOn: '2023-02-01',
    warrantyEndsOn: '2026-02-01',
    status: EquipmentStatus.IN_SERVICE,
    runningHours: '5210.0',
    meterReadings: [],
    isSynthetic: true,
  });

  const staff: [string, string, Department, StaffRole[], string][] = [
    [
      'E1001',
      'Liu Yang',
      Department.AFTER_SALES_MANAGEMENT,
      [StaffRole.SERVICE_MANAGER],
      'North China',
    ],
    [
      'E1002',
      'Chen Jing',
      Department.AFTER_SALES_MANAGEMENT,
      [StaffRole.DISPATCHER],
      'North China',
    ],
    ['E1010', 'Wang Lei', Department.REPAIR, [StaffRole.TECHNICIAN], 'North China'],
    ['E1011', 'Marcus Reed', Department.REPAIR, [StaffRole.TECHNICIAN], 'West Texas'],
    [
      'E1020',
      'Zhao Min',
      Department.TECHNICAL_SUPPORT,
      [StaffRole.SUPPORT_ENGINEER],
      'North China',
    ],
    [
      'E1030',
      'Sun Hao',
      Department.PARTS_SUPPLY,
      [StaffRole.PARTS_CLERK, StaffRole.PARTS_CUSTODIAN],
      'North China',
    ],
    ['E1040', 'Priya Nair', Department.PROCUREMENT, [StaffRole.PROCUREMENT], 'West Texas'],
  ];
  for (const [employeeNumber, name, department, roles, baseRegion] of staff) {
    em.create(Staff, {
      employeeNumber,
      name,
      department,
      roles,
      skills: department === Department.REPAIR ? ['mud pumps', 'top drives', 'hydraulics'] : [],
      certificates: [],
      baseRegion,
      email: `${employeeNumber.toLowerCase()}@service.example`,
      phone: null,
      active: true,
    });
  }
  await em.flush();
}
