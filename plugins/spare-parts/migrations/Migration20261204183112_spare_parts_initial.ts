import { Migration } from '@mikro-orm/migrations';

export class Migration20261204183112_spare_parts_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "spare_parts_part" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "part_number" varchar(64) not null, "name" varchar(200) not null, "specification" text null, "model" varchar(100) null, "unit_of_measure" varchar(16) not null default \'EA\', "unit_cost" numeric(14,2) null, "imported_without_cost" boolean not null default false, "critical" boolean not null default false, "valuable" boolean not null default false, "reorder_point" numeric(15,3) not null default 0, "safety_stock" numeric(15,3) not null default 0, constraint "spare_parts_part_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_part" add constraint "spare_parts_part_part_number_unique" unique ("part_number")',
    );
    this.addSql(
      'create table "spare_parts_part_compatible_model" ("part_id" uuid not null, "equipment_model_id" uuid not null, constraint "spare_parts_part_compatible_model_pkey" primary key ("part_id", "equipment_model_id"))',
    );
    this.addSql(
      'create table "spare_parts_supplier" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(32) not null, "name" varchar(200) not null, "qualified" boolean not null default false, "qualification_note" text null, "qualified_on" date null, constraint "spare_parts_supplier_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_supplier" add constraint "spare_parts_supplier_code_unique" unique ("code")',
    );
    this.addSql(
      'create table "spare_parts_warehouse" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(32) not null, "name" varchar(200) not null, "site_id" uuid null, constraint "spare_parts_warehouse_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_warehouse" add constraint "spare_parts_warehouse_code_unique" unique ("code")',
    );
    this.addSql(
      'create table "spare_parts_stock_movement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "part_id" uuid not null, "warehouse_id" uuid not null, "kind" text check ("kind" in (\'RECEIPT\', \'ISSUE\', \'RETURN\', \'TRANSFER_IN\', \'TRANSFER_OUT\', \'ADJUSTMENT\')) not null, "quantity" numeric(15,3) not null, "unit_cost" numeric(14,2) null, "occurred_at" timestamptz not null, "note" text null, "recorded_by" varchar(200) not null, constraint "spare_parts_stock_movement_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_stock_movement_kind_occurred_at_index" on "spare_parts_stock_movement" ("kind", "occurred_at")',
    );
    this.addSql(
      'create index "spare_parts_stock_movement_part_id_warehouse_id_oc_a2852_index" on "spare_parts_stock_movement" ("part_id", "warehouse_id", "occurred_at")',
    );
    this.addSql(
      'alter table "spare_parts_part_compatible_model" add constraint "spare_parts_part_compatible_model_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade on delete cascade',
    );
    this.addSql(
      'alter table "spare_parts_part_compatible_model" add constraint "spare_parts_part_compatible_model_equipment_model_id_foreign" foreign key ("equipment_model_id") references "equipment_model" ("id") on update cascade on delete cascade',
    );
    this.addSql(
      'alter table "spare_parts_warehouse" add constraint "spare_parts_warehouse_site_id_foreign" foreign key ("site_id") references "site" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_warehouse_id_foreign" foreign key ("warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
  }
}
