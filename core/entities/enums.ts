import { registerEnumType } from 'type-graphql';

export enum CustomerKind {
  OPERATOR = 'OPERATOR',
  DRILLING_CONTRACTOR = 'DRILLING_CONTRACTOR',
  SERVICE_COMPANY = 'SERVICE_COMPANY',
  DISTRIBUTOR = 'DISTRIBUTOR',
}

export enum SiteKind {
  WELL_SITE = 'WELL_SITE',
  RIG = 'RIG',
  BASE = 'BASE',
  YARD = 'YARD',
  PLANT = 'PLANT',
  MINE = 'MINE',
}

export enum EquipmentCategory {
  DRILLING_RIG = 'DRILLING_RIG',
  MUD_PUMP = 'MUD_PUMP',
  TOP_DRIVE = 'TOP_DRIVE',
  BLOWOUT_PREVENTER = 'BLOWOUT_PREVENTER',
  FRACTURING_UNIT = 'FRACTURING_UNIT',
  CEMENTING_UNIT = 'CEMENTING_UNIT',
  COMPRESSOR = 'COMPRESSOR',
  ELECTRIC_SUBMERSIBLE_PUMP = 'ELECTRIC_SUBMERSIBLE_PUMP',
  WELLHEAD = 'WELLHEAD',
  EXCAVATOR = 'EXCAVATOR',
  OTHER = 'OTHER',
}

export enum EquipmentStatus {
  IN_SERVICE = 'IN_SERVICE',
  DOWN = 'DOWN',
  UNDER_REPAIR = 'UNDER_REPAIR',
  UNDER_MAINTENANCE = 'UNDER_MAINTENANCE',
  DECOMMISSIONED = 'DECOMMISSIONED',
}

export enum Department {
  AFTER_SALES_MANAGEMENT = 'AFTER_SALES_MANAGEMENT',
  REPAIR = 'REPAIR',
  TECHNICAL_SUPPORT = 'TECHNICAL_SUPPORT',
  PARTS_SUPPLY = 'PARTS_SUPPLY',
  PROCUREMENT = 'PROCUREMENT',
}

export enum StaffRole {
  ADMIN = 'ADMIN',
  SERVICE_MANAGER = 'SERVICE_MANAGER',
  DISPATCHER = 'DISPATCHER',
  TECHNICIAN = 'TECHNICIAN',
  SUPPORT_ENGINEER = 'SUPPORT_ENGINEER',
  PARTS_CLERK = 'PARTS_CLERK',
  PARTS_CUSTODIAN = 'PARTS_CUSTODIAN',
  PROCUREMENT = 'PROCUREMENT',
  COMPLAINT_HANDLER = 'COMPLAINT_HANDLER',
  VIEWER = 'VIEWER',
}

export enum SortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(CustomerKind, {
  name: 'CustomerKind',
  description: 'What a customer does in the oilfield.',
});
registerEnumType(SiteKind, { name: 'SiteKind', description: 'What kind of place a site is.' });
registerEnumType(EquipmentCategory, { name: 'EquipmentCategory' });
registerEnumType(EquipmentStatus, {
  name: 'EquipmentStatus',
  description: 'Operating state of a unit.',
});
registerEnumType(Department, {
  name: 'Department',
  description: 'After-sales department a staff member works in.',
});
registerEnumType(StaffRole, { name: 'StaffRole', description: 'What a staff member may do.' });
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });
