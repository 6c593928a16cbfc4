import { AuditEntry } from '../audit/audit-entry.entity.js';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity.js';
import { ApiClient } from '../security/api-client.entity.js';
import { Customer } from './customer.entity.js';
import { EquipmentModel } from './equipment-model.entity.js';
import { Equipment } from './equipment.entity.js';
import { Site } from './site.entity.js';
import { Staff } from './staff.entity.js';

/** Entities the core owns; plugins add theirs through the plugin contract. */
export const CORE_ENTITIES = [
  Customer,
  Site,
  EquipmentModel,
  Equipment,
  Staff,
  ApiClient,
  AuditEntry,
  IdempotencyRecord,
];
