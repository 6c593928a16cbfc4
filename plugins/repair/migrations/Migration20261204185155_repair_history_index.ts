import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185155_repair_history_index extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index "repair_order_equipment_id_reported_at_index"');
    this.addSql(
      'create index "repair_order_equipment_id_reported_at_id_index" on "repair_order" ("equipment_id", "reported_at", "id")',
    );
  }
}
