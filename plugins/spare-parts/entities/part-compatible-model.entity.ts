import { Entity, ManyToOne, type Rel } from '@mikro-orm/core';
import { EquipmentModel, Tenancy } from '../../../core/index.js';
import { Part } from './part.entity.js';

/** Pivot row: a part fits an equipment model. Catalogue data, readable by every principal. */
@Entity({ tableName: 'spare_parts_part_compatible_model' })
@Tenancy({ shared: true })
export class PartCompatibleModel {
  @ManyToOne(() => Part, { primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  // Rel<> keeps the compiled decorator metadata from reading Part, which imports this module,
  // before Part is defined; tsc builds (not tsx) would otherwise fail to load the plugin.
  part!: Rel<Part>;

  @ManyToOne(() => EquipmentModel, { primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  equipmentModel!: EquipmentModel;
}
