import { AuditResolver } from '../audit/audit.resolver.js';
import { ApiClientResolver } from '../security/api-client.resolver.js';
import { CustomerResolver } from './customer.resolver.js';
import { EquipmentModelResolver } from './equipment-model.resolver.js';
import { EquipmentResolver } from './equipment.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { SiteResolver } from './site.resolver.js';
import { StaffResolver } from './staff.resolver.js';

/** Resolvers of the core types; plugins add theirs through the plugin contract. */
export const CORE_RESOLVERS = [
  NodeResolver,
  CustomerResolver,
  SiteResolver,
  EquipmentModelResolver,
  EquipmentResolver,
  StaffResolver,
  ApiClientResolver,
  AuditResolver,
];
