import { Migration } from '@mikro-orm/migrations';

export class Migration20261204184331_spare_parts_stock_workflows extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "spare_parts_requisition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" varchar(32) not null, "technician_id" uuid not null, "repair_order_id" uuid null, "status" text check ("status" in (\'DRAFT\', \'SUBMITTED\', \'APPROVED\', \'REJECTED\', \'PARTIALLY_ISSUED\', \'ISSUED\', \'CANCELLED\')) not null default \'DRAFT\', "note" text null, "requested_by" varchar(200) not null, "submitted_at" timestamptz null, "decided_at" timestamptz null, "decided_by" varchar(200) null, "rejection_reason" text null, "cancellation_reason" text null, constraint "spare_parts_requisition_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_requisition" add constraint "spare_parts_requisition_number_unique" unique ("number")',
    );
    this.addSql(
      'create index "spare_parts_requisition_repair_order_id_index" on "spare_parts_requisition" ("repair_order_id")',
    );
    this.addSql(
      'create index "spare_parts_requisition_status_created_at_index" on "spare_parts_requisition" ("status", "created_at")',
    );
    this.addSql(
      'create table "spare_parts_purchase_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" varchar(32) not null, "supplier_id" uuid not null, "status" text check ("status" in (\'DRAFT\', \'PLACED\', \'PARTIALLY_RECEIVED\', \'RECEIVED\', \'CANCELLED\')) not null default \'DRAFT\', "currency" varchar(3) not null, "note" text null, "created_by" varchar(200) not null, "placed_at" timestamptz null, "cancellation_reason" text null, constraint "spare_parts_purchase_order_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order" add constraint "spare_parts_purchase_order_number_unique" unique ("number")',
    );
    this.addSql(
      'create index "spare_parts_purchase_order_supplier_id_index" on "spare_parts_purchase_order" ("supplier_id")',
    );
    this.addSql(
      'create table "spare_parts_purchase_order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "purchase_order_id" uuid not null, "line_number" int not null, "part_id" uuid not null, "specification" text not null, "quantity" numeric(15,3) not null, "unit_price" numeric(14,2) not null, "delivery_date" date not null, "quality_terms" text not null, "received_quantity" numeric(15,3) not null default \'0.000\', constraint "spare_parts_purchase_order_line_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_purchase_order_line_purchase_order_id_index" on "spare_parts_purchase_order_line" ("purchase_order_id")',
    );
    this.addSql(
      'create index "spare_parts_purchase_order_line_part_id_index" on "spare_parts_purchase_order_line" ("part_id")',
    );
    this.addSql(
      'create table "spare_parts_stock_transfer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "part_id" uuid not null, "from_warehouse_id" uuid not null, "to_warehouse_id" uuid not null, "quantity" numeric(15,3) not null, "transferred_at" timestamptz not null, "recorded_by" varchar(200) not null, "note" text null, constraint "spare_parts_stock_transfer_pkey" primary key ("id"))',
    );
    this.addSql(
      'create table "spare_parts_stocktake" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" varchar(32) not null, "warehouse_id" uuid not null, "status" text check ("status" in (\'OPEN\', \'POSTED\', \'CANCELLED\')) not null default \'OPEN\', "opened_at" timestamptz not null, "opened_by" varchar(200) not null, "posted_at" timestamptz null, "posted_by" varchar(200) null, constraint "spare_parts_stocktake_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_stocktake" add constraint "spare_parts_stocktake_number_unique" unique ("number")',
    );
    this.addSql(
      'create index "spare_parts_stocktake_warehouse_id_index" on "spare_parts_stocktake" ("warehouse_id")',
    );
    this.addSql(
      'create table "spare_parts_stocktake_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "stocktake_id" uuid not null, "part_id" uuid not null, "book_quantity" numeric(15,3) not null, "counted_quantity" numeric(15,3) null, "discrepancy_reason" text null, "counted_at" timestamptz null, "counted_by" varchar(200) null, "adjustment_quantity" numeric(15,3) null, constraint "spare_parts_stocktake_line_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "spare_parts_stocktake_line" add constraint "spare_parts_stocktake_line_stocktake_id_part_id_unique" unique ("stocktake_id", "part_id")',
    );
    this.addSql(
      'create table "spare_parts_stock_balance" ("id" uuid not null, "part_id" uuid not null, "warehouse_id" uuid not null, "on_hand" numeric(15,3) not null, "reserved" numeric(15,3) not null, constraint "spare_parts_stock_balance_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_stock_balance_warehouse_id_index" on "spare_parts_stock_balance" ("warehouse_id")',
    );
    this.addSql(
      'alter table "spare_parts_stock_balance" add constraint "spare_parts_stock_balance_part_id_warehouse_id_unique" unique ("part_id", "warehouse_id")',
    );
    this.addSql(
      'create table "spare_parts_requisition_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "requisition_id" uuid not null, "line_number" int not null, "part_id" uuid not null, "warehouse_id" uuid not null, "quantity" numeric(15,3) not null, "issued_quantity" numeric(15,3) not null default \'0.000\', "returned_quantity" numeric(15,3) not null default \'0.000\', "fitted_quantity" numeric(15,3) not null default \'0.000\', "custodian_confirmed_at" timestamptz null, "custodian_confirmed_by" varchar(200) null, constraint "spare_parts_requisition_line_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_requisition_line_requisition_id_index" on "spare_parts_requisition_line" ("requisition_id")',
    );
    this.addSql(
      'create index "spare_parts_requisition_line_part_id_index" on "spare_parts_requisition_line" ("part_id")',
    );
    this.addSql(
      'create table "spare_parts_repair_part_usage" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "repair_order_id" uuid not null, "requisition_line_id" uuid not null, "part_id" uuid not null, "quantity" numeric(15,3) not null, "serial_or_batch" varchar(100) null, "fitted_at" timestamptz not null, "old_part_disposition" text check ("old_part_disposition" in (\'RETURNED\', \'SCRAPPED\', \'NOT_RETURNED\')) null, "old_part_disposition_on" date null, "old_part_note" text null, "recorded_by" varchar(200) not null, constraint "spare_parts_repair_part_usage_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_repair_part_usage_repair_order_id_index" on "spare_parts_repair_part_usage" ("repair_order_id")',
    );
    this.addSql(
      'create index "spare_parts_repair_part_usage_requisition_line_id_index" on "spare_parts_repair_part_usage" ("requisition_line_id")',
    );
    this.addSql(
      'create table "spare_parts_purchase_receipt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "purchase_order_id" uuid not null, "warehouse_id" uuid not null, "received_at" timestamptz not null, "received_by" varchar(200) not null, "note" text null, constraint "spare_parts_purchase_receipt_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_purchase_receipt_purchase_order_id_index" on "spare_parts_purchase_receipt" ("purchase_order_id")',
    );
    this.addSql(
      'create table "spare_parts_purchase_receipt_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "receipt_id" uuid not null, "order_line_id" uuid not null, "quantity" numeric(15,3) not null, "quality_certificate_number" varchar(100) not null, constraint "spare_parts_purchase_receipt_line_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_purchase_receipt_line_receipt_id_index" on "spare_parts_purchase_receipt_line" ("receipt_id")',
    );
    this.addSql(
      'create index "spare_parts_purchase_receipt_line_order_line_id_index" on "spare_parts_purchase_receipt_line" ("order_line_id")',
    );
    this.addSql(
      'alter table "spare_parts_requisition" add constraint "spare_parts_requisition_technician_id_foreign" foreign key ("technician_id") references "staff" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_requisition" add constraint "spare_parts_requisition_repair_order_id_foreign" foreign key ("repair_order_id") references "repair_order" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order" add constraint "spare_parts_purchase_order_supplier_id_foreign" foreign key ("supplier_id") references "spare_parts_supplier" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order_line" add constraint "spare_parts_purchase_order_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "spare_parts_purchase_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_order_line" add constraint "spare_parts_purchase_order_line_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_transfer" add constraint "spare_parts_stock_transfer_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_transfer" add constraint "spare_parts_stock_transfer_from_warehouse_id_foreign" foreign key ("from_warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_transfer" add constraint "spare_parts_stock_transfer_to_warehouse_id_foreign" foreign key ("to_warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stocktake" add constraint "spare_parts_stocktake_warehouse_id_foreign" foreign key ("warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stocktake_line" add constraint "spare_parts_stocktake_line_stocktake_id_foreign" foreign key ("stocktake_id") references "spare_parts_stocktake" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stocktake_line" add constraint "spare_parts_stocktake_line_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_balance" add constraint "spare_parts_stock_balance_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_balance" add constraint "spare_parts_stock_balance_warehouse_id_foreign" foreign key ("warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" add constraint "spare_parts_requisition_line_requisition_id_foreign" foreign key ("requisition_id") references "spare_parts_requisition" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" add constraint "spare_parts_requisition_line_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_requisition_line" add constraint "spare_parts_requisition_line_warehouse_id_foreign" foreign key ("warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" add constraint "spare_parts_repair_part_usage_repair_order_id_foreign" foreign key ("repair_order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" add constraint "spare_parts_repair_part_usage_requisition_line_id_foreign" foreign key ("requisition_line_id") references "spare_parts_requisition_line" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_repair_part_usage" add constraint "spare_parts_repair_part_usage_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_receipt" add constraint "spare_parts_purchase_receipt_purchase_order_id_foreign" foreign key ("purchase_order_id") references "spare_parts_purchase_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_receipt" add constraint "spare_parts_purchase_receipt_warehouse_id_foreign" foreign key ("warehouse_id") references "spare_parts_warehouse" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_receipt_line" add constraint "spare_parts_purchase_receipt_line_receipt_id_foreign" foreign key ("receipt_id") references "spare_parts_purchase_receipt" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_purchase_receipt_line" add constraint "spare_parts_purchase_receipt_line_order_line_id_foreign" foreign key ("order_line_id") references "spare_parts_purchase_order_line" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add column "requisition_line_id" uuid null, add column "receipt_line_id" uuid null, add column "stocktake_line_id" uuid null, add column "transfer_id" uuid null',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_requisition_line_id_foreign" foreign key ("requisition_line_id") references "spare_parts_requisition_line" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_receipt_line_id_foreign" foreign key ("receipt_line_id") references "spare_parts_purchase_receipt_line" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_stocktake_line_id_foreign" foreign key ("stocktake_line_id") references "spare_parts_stocktake_line" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "spare_parts_stock_movement" add constraint "spare_parts_stock_movement_transfer_id_foreign" foreign key ("transfer_id") references "spare_parts_stock_transfer" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'create index "spare_parts_stock_movement_requisition_line_id_index" on "spare_parts_stock_movement" ("requisition_line_id")',
    );
    this.addSql(
      'create index "spare_parts_stock_movement_transfer_id_index" on "spare_parts_stock_movement" ("transfer_id")',
    );
  }
}
