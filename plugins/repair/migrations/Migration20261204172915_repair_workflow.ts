import { Migration } from '@mikro-orm/migrations';

export class Migration20261204172915_repair_workflow extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      "create table \"repair_status_change\" (\"id\" uuid not null, \"created_at\" timestamptz not null, \"updated_at\" timestamptz not null, \"version\" int not null default 1, \"order_id\" uuid not null, \"action\" varchar(50) not null, \"from_status\" text check (\"from_status\" in ('REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'PLAN_SUBMITTED', 'PLAN_REJECTED', 'PLAN_APPROVED', 'IN_REPAIR', 'PLAN_CHANGE_REQUESTED', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'CANCELLED')) not null, \"to_status\" text check (\"to_status\" in ('REPORTED', 'DISPATCHED', 'ON_SITE', 'DIAGNOSED', 'PLAN_SUBMITTED', 'PLAN_REJECTED', 'PLAN_APPROVED', 'IN_REPAIR', 'PLAN_CHANGE_REQUESTED', 'AWAITING_ACCEPTANCE', 'ACCEPTED', 'CLOSED', 'CANCELLED')) not null, \"changed_at\" timestamptz not null, \"principal_id\" varchar(200) not null, \"principal_name\" varchar(200) not null, \"reason\" text null, constraint \"repair_status_change_pkey\" primary key (\"id\"))",
    );
    this.addSql(
      'create index "repair_status_change_order_id_index" on "repair_status_change" ("order_id")',
    );
    this.addSql(
      'create table "repair_plan_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "reason" text not null, "changes" text not null, "requested_at" timestamptz not null, "requested_by" varchar(200) not null, "approved_at" timestamptz null, "approved_by" varchar(200) null, constraint "repair_plan_change_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_plan_change_order_id_index" on "repair_plan_change" ("order_id")',
    );
    this.addSql(
      'create table "repair_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "revision" int not null, "status" text check ("status" in (\'SUBMITTED\', \'REJECTED\', \'APPROVED\')) not null, "steps" jsonb not null, "parts" jsonb not null, "estimated_hours" numeric(8,2) not null, "major" boolean not null, "review_departments" jsonb not null, "submitted_at" timestamptz not null, "submitted_by" varchar(200) not null, "decided_at" timestamptz null, "decided_by" varchar(200) null, "rejection_reason" text null, constraint "repair_plan_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_plan_order_id_revision_index" on "repair_plan" ("order_id", "revision")',
    );
    this.addSql(
      'create table "repair_plan_review" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "plan_id" uuid not null, "department" text check ("department" in (\'AFTER_SALES_MANAGEMENT\', \'REPAIR\', \'TECHNICAL_SUPPORT\', \'PARTS_SUPPLY\', \'PROCUREMENT\')) not null, "reviewer" varchar(200) not null, "approved" boolean not null, "comment" text null, "reviewed_at" timestamptz not null, constraint "repair_plan_review_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_plan_review_plan_id_index" on "repair_plan_review" ("plan_id")',
    );
    this.addSql(
      'create table "repair_labour_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "technician_id" uuid not null, "hours" numeric(8,2) not null, "worked_on" date not null, "recorded_at" timestamptz not null, "recorded_by" varchar(200) not null, constraint "repair_labour_entry_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_labour_entry_order_id_index" on "repair_labour_entry" ("order_id")',
    );
    this.addSql(
      'create table "repair_assignment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "technician_id" uuid not null, "assigned_at" timestamptz not null, constraint "repair_assignment_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "repair_assignment_order_id_technician_id_index" on "repair_assignment" ("order_id", "technician_id")',
    );
    this.addSql(
      'alter table "repair_status_change" add constraint "repair_status_change_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_plan_change" add constraint "repair_plan_change_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_plan" add constraint "repair_plan_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_plan_review" add constraint "repair_plan_review_plan_id_foreign" foreign key ("plan_id") references "repair_plan" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_labour_entry" add constraint "repair_labour_entry_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_labour_entry" add constraint "repair_labour_entry_technician_id_foreign" foreign key ("technician_id") references "staff" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_assignment" add constraint "repair_assignment_order_id_foreign" foreign key ("order_id") references "repair_order" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_assignment" add constraint "repair_assignment_technician_id_foreign" foreign key ("technician_id") references "staff" ("id") on update cascade',
    );
    this.addSql(
      'alter table "repair_order" add column "urgency" text check ("urgency" in (\'NORMAL\', \'URGENT\', \'EMERGENCY\')) not null default \'NORMAL\', add column "contact_name" varchar(200) null, add column "contact_phone" varchar(50) null, add column "location" varchar(500) null, add column "dispatch_due_at" timestamptz null, add column "arrival_due_at" timestamptz null, add column "dispatched_at" timestamptz null, add column "arrived_at" timestamptz null, add column "diagnosis_phenomenon" text null, add column "diagnosis_cause" text null, add column "diagnosis_component" varchar(200) null, add column "diagnosis_method" text null, add column "diagnosed_at" timestamptz null, add column "commissioning_results" text null, add column "completed_at" timestamptz null, add column "acceptance_signer_name" varchar(200) null, add column "acceptance_signed_at" timestamptz null, add column "cancellation_reason" text null, add column "cancelled_at" timestamptz null',
    );
  }
}
