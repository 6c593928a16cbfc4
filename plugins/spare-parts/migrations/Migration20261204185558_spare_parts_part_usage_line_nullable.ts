import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185558_spare_parts_part_usage_line_nullable extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "spare_parts_repair_part_usage" drop constraint "spare_parts_repair_part_usage_requisition_line_id_foreign"',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order_line" alter column "received_quantity" type numeric(15,3) using ("received_quantity"::numeric(15,3))',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order_line" alter column "received_quantity" set default 0',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "issued_quantity" type numeric(15,3) using ("issued_quantity"::numeric(15,3))',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "issued_quantity" set default 0',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "returned_quantity" type numeric(15,3) using ("returned_quantity"::numeric(15,3))',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "returned_quantity" set default 0',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "fitted_quantity" type numeric(15,3) using ("fitted_quantity"::numeric(15,3))',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" alter column "fitted_quantity" set default 0',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" alter column "requisition_line_id" drop default',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" alter column "requisition_line_id" type uuid using ("requisition_line_id"::text::uuid)',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" alter column "requisition_line_id" drop not null',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" add constraint "spare_parts_repair_part_usage_requisition_line_id_foreign" foreign key ("requisition_line_id") references "spare_parts_requisition_line" ("id") on update cascade on delete set null',
    );
  }
}
