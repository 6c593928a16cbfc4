import { Migration } from '@mikro-orm/migrations';

export class Migration20261204175120_repair_escalations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "repair_escalation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "question" text not null, "status" text check ("status" in (\'OPEN\', \'ANSWERED\', \'CLOSED\')) not null default \'OPEN\', "answer" text null, "answered_by" varchar(200) null, "answered_at" timestamptz null, "asked_by" varchar(200) not null, "asked_at" timestamptz not null, constraint "repair_escalation_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_escalation_order_id_index" on "repair_escalation" ("order_id")',
    );
    this.addSql(
      'alter table "repair_escalation" add constraint "repair_escalation_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
  }
}
