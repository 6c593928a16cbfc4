import { connectionType } from '../api/connection.js';
import { Customer } from '../entities/customer.entity.js';
import { EquipmentModel } from '../entities/equipment-model.entity.js';
import { Equipment } from '../entities/equipment.entity.js';
import { Site } from '../entities/site.entity.js';
import { Staff } from '../entities/staff.entity.js';

// Declared once here so that every resolver returning the same list shares one GraphQL type.
export const SiteConnection = connectionType('Site', Site);
export const EquipmentConnection = connectionType('Equipment', Equipment);
export const EquipmentModelConnection = connectionType('EquipmentModel', EquipmentModel);
export const StaffConnection = connectionType('Staff', Staff);
export const CustomerConnection = connectionType('Customer', Customer);
