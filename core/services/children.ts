import { defineChildConnection } from '../api/child-connection.js';
import { Equipment } from '../entities/equipment.entity.js';
import { Site } from '../entities/site.entity.js';

/** Nested lists of the core types, each loaded in one statement per level. */
export const customerSites = defineChildConnection({
  key: 'core.customerSites',
  entity: Site,
  parentProperty: 'customer',
  sort: { property: 'name', direction: 'ASC' },
});

export const customerEquipment = defineChildConnection({
  key: 'core.customerEquipment',
  entity: Equipment,
  parentProperty: 'customer',
  sort: { property: 'serialNumber', direction: 'ASC' },
});

export const siteEquipment = defineChildConnection({
  key: 'core.siteEquipment',
  entity: Equipment,
  parentProperty: 'site',
  sort: { property: 'serialNumber', direction: 'ASC' },
});

export const equipmentComponents = defineChildConnection({
  key: 'core.equipmentComponents',
  entity: Equipment,
  parentProperty: 'parent',
  sort: { property: 'serialNumber', direction: 'ASC' },
});
