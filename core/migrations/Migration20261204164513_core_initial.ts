import { Migration } from '@mikro-orm/migrations';

export class Migration20261204164513_core_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "principal_id" varchar(200) not null, "principal_name" varchar(200) not null, "request_id" varchar(100) null, "entity_name" varchar(100) not null, "entity_id" varchar(200) not null, "action" text check ("action" in (\'CREATE\', \'UPDATE\', \'DELETE\')) not null, "changes" jsonb not null, constraint "audit_entry_pkey" primary key ("id"))',
    );
    this.addSql('create index "audit_entry_at_index" on "audit_entry" ("at")');
    this.addSql(
      'create index "audit_entry_entity_name_entity_id_index" on "audit_entry" ("entity_name", "entity_id")',
    );
    this.addSql(
      'create table "customer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(32) not null, "name" varchar(200) not null, "kind" text check ("kind" in (\'OPERATOR\', \'DRILLING_CONTRACTOR\', \'SERVICE_COMPANY\', \'DISTRIBUTOR\')) not null, "region" varchar(100) null, "address" text null, "contacts" jsonb not null, "notes" text null, "is_synthetic" boolean not null default false, constraint "customer_pkey" primary key ("id"))',
    );
    this.addSql('alter table "customer" add constraint "customer_code_unique" unique ("code")');
    this.addSql('create index "customer_name_index" on "customer" ("name")');
    this.addSql(
      'create table "api_client" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(200) not null, "key_prefix" varchar(16) not null, "key_hash" varchar(64) not null, "roles" jsonb not null, "scopes" jsonb not null, "customer_id" uuid null, "revoked_at" timestamptz null, "created_by" varchar(200) not null, constraint "api_client_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "api_client" add constraint "api_client_key_hash_unique" unique ("key_hash")',
    );
    this.addSql('create index "api_client_customer_id_index" on "api_client" ("customer_id")');
    this.addSql(
      'create table "equipment_model" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "manufacturer" varchar(100) not null, "model_code" varchar(64) not null, "name" varchar(200) null, "category" text check ("category" in (\'DRILLING_RIG\', \'MUD_PUMP\', \'TOP_DRIVE\', \'BLOWOUT_PREVENTER\', \'FRACTURING_UNIT\', \'CEMENTING_UNIT\', \'COMPRESSOR\', \'ELECTRIC_SUBMERSIBLE_PUMP\', \'WELLHEAD\', \'EXCAVATOR\', \'OTHER\')) not null, "service_manual_ref" varchar(300) null, "maintenance_items" jsonb not null, constraint "equipment_model_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "equipment_model" add constraint "equipment_model_manufacturer_model_code_unique" unique ("manufacturer", "model_code")',
    );
    this.addSql(
      'create table "idempotency_record" ("id" uuid not null, "principal_id" varchar(200) not null, "key" varchar(200) not null, "operation" varchar(100) not null, "request_hash" varchar(64) not null, "result_entity" varchar(100) not null, "result_id" uuid not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "idempotency_record" add constraint "idempotency_record_principal_id_key_unique" unique ("principal_id", "key")',
    );
    this.addSql(
      'create table "site" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "customer_id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in (\'WELL_SITE\', \'RIG\', \'BASE\', \'YARD\', \'PLANT\', \'MINE\')) not null, "region" varchar(100) null, "latitude" double precision null, "longitude" double precision null, "time_zone" varchar(64) not null default \'UTC\', constraint "site_pkey" primary key ("id"))',
    );
    this.addSql('create index "site_customer_id_index" on "site" ("customer_id")');
    this.addSql(
      'create table "equipment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "serial_number" varchar(40) not null, "model_id" uuid not null, "customer_id" uuid not null, "site_id" uuid null, "parent_id" uuid null, "commissioned_on" date null, "warranty_ends_on" date null, "status" text check ("status" in (\'IN_SERVICE\', \'DOWN\', \'UNDER_REPAIR\', \'UNDER_MAINTENANCE\', \'DECOMMISSIONED\')) not null default \'IN_SERVICE\', "running_hours" numeric(14,1) null, "meter_readings" jsonb not null, "is_synthetic" boolean not null default false, constraint "equipment_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "equipment" add constraint "equipment_serial_number_unique" unique ("serial_number")',
    );
    this.addSql('create index "equipment_model_id_index" on "equipment" ("model_id")');
    this.addSql('create index "equipment_customer_id_index" on "equipment" ("customer_id")');
    this.addSql('create index "equipment_site_id_index" on "equipment" ("site_id")');
    this.addSql('create index "equipment_parent_id_index" on "equipment" ("parent_id")');
    this.addSql('create index "equipment_status_index" on "equipment" ("status")');
    this.addSql(
      'create table "staff" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "employee_number" varchar(32) not null, "name" varchar(200) not null, "department" text check ("department" in (\'AFTER_SALES_MANAGEMENT\', \'REPAIR\', \'TECHNICAL_SUPPORT\', \'PARTS_SUPPLY\', \'PROCUREMENT\')) not null, "roles" jsonb not null, "role_codes" varchar(300) not null default \',\', "skills" jsonb not null, "certificates" jsonb not null, "base_region" varchar(100) null, "email" varchar(200) null, "phone" varchar(50) null, "active" boolean not null default true, constraint "staff_pkey" primary key ("id"))',
    );
    this.addSql(
      'alter table "staff" add constraint "staff_employee_number_unique" unique ("employee_number")',
    );
    this.addSql(
      'alter table "api_client" add constraint "api_client_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "site" add constraint "site_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade',
    );
    this.addSql(
      'alter table "equipment" add constraint "equipment_model_id_foreign" foreign key ("model_id") references "equipment_model" ("id") on update cascade',
    );
    this.addSql(
      'alter table "equipment" add constraint "equipment_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade',
    );
    this.addSql(
      'alter table "equipment" add constraint "equipment_site_id_foreign" foreign key ("site_id") references "site" ("id") on update cascade on delete set null',
    );
    this.addSql(
      'alter table "equipment" add constraint "equipment_parent_id_foreign" foreign key ("parent_id") references "equipment" ("id") on update cascade on delete set null',
    );
  }
}
