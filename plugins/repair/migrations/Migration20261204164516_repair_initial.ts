import { Migration } from '@mikro-orm/migrations';

export class Migration20261204164516_repair_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "repair_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" varchar(32) not null, "equipment_id" uuid not null, "customer_id" uuid not null, "reported_at" timestamptz not null, "channel" text check ("channel" in (\'PHONE\', \'EMAIL\', \'ONLINE\', \'ON_SITE\')) null, "fault_description" text not null, "order_type" text check ("order_type" in (\'CORRECTIVE_REPAIR\', \'PART_REPLACEMENT\', \'INSPECTION\', \'OTHER\')) not null, "source_order_type" varchar(16) null, "cost_amount" numeric(14,2) null, "cost_currency" varchar(3) null, "status" text check ("status" in (\'REPORTED\', \'DISPATCHED\', \'ON_SITE\', \'DIAGNOSED\', \'PLAN_SUBMITTED\', \'PLAN_REJECTED\', \'PLAN_APPROVED\', \'IN_REPAIR\', \'PLAN_CHANGE_REQUESTED\', \'AWAITING_ACCEPTANCE\', \'ACCEPTED\', \'CLOSED\', \'CANCELLED\')) not null default \'REPORTED\', "tag_system" varchar(200) null, "tag_part" varchar(200) null, "tag_failure_mode" varchar(200) null, "is_historical" boolean not null default false, "external_ref" varchar(100) null, "closed_at" timestamptz null, constraint "repair_order_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "repair_order" add constraint "repair_order_number_unique" unique ("number")',
    );
    this.addSql('create index "repair_order_reported_at_index" on "repair_order" ("reported_at")');
    this.addSql('create index "repair_order_status_index" on "repair_order" ("status")');
    this.addSql(
      'alter table "repair_order" add constraint "repair_order_external_ref_unique" unique ("external_ref")',
    );
    this.addSql(
      'create index "repair_order_customer_id_reported_at_index" on "repair_order" ("customer_id", "reported_at")',
    );
    this.addSql(
      'create index "repair_order_equipment_id_reported_at_index" on "repair_order" ("equipment_id", "reported_at")',
    );
    this.addSql(
      'alter table "repair_order" add constraint "repair_order_equipment_id_foreign" foreign key ("equipment_id") references "equipment" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_order" add constraint "repair_order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade',
    );
  }
}
