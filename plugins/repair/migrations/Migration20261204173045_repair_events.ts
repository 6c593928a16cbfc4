import { Migration } from '@mikro-orm/migrations';

export class Migration20261204173045_repair_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "repair_order_event_purge" ("id" int not null, "deleted_through_id" int not null, "purged_at" timestamptz not null, constraint "repair_order_event_purge_pkey" primary key ("id"))',
    );
    this.addSql(
      "create table \"repair_order_event\" (\"id\" serial primary key, \"order_id\" uuid not null, \"customer_id\" uuid not null, \"equipment_id\" uuid not null, \"status\" text check (\"status\" in ('REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'PLAN_SUBMITTED', 'PLAN_REJECTED', 'PLAN_APPROVED', 'IN_REPAIR', 'PLAN_CHANGE_REQUESTED', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'CANCELLED')) not null, \"urgency\" varchar(32) null, \"kind\" varchar(64) not null, \"from_status\" text check (\"from_status\" in ('REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'PLAN_SUBMITTED', 'PLAN_REJECTED', 'PLAN_APPROVED', 'IN_REPAIR', 'PLAN_CHANGE_REQUESTED', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'CANCELLED')) null, \"to_status\" text check (\"to_status\" in ('REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'PLAN_SUBMITTED', 'PLAN_REJECTED', 'PLAN_APPROVED', 'IN_REPAIR', 'PLAN_CHANGE_REQUESTED', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'CANCELLED')) not null, \"occurred_at\" timestamptz not null)",
    );
    this.addSql(
      'create index "repair_order_event_occurred_at_index" on "repair_order_event" ("occurred_at")',
    );
    this.addSql(
      'alter table "repair_order_event" add constraint "repair_order_event_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_order_event" add constraint "repair_order_event_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_order_event" add constraint "repair_order_event_equipment_id_foreign" foreign key ("equipment_id") references "equipment" ("id") on update cascade',
    );
  }
}
