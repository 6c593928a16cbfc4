import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185151_spare_parts_abc_classification extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create table "spare_parts_abc_classification_run" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "basis" text check ("basis" in (\'VALUE\', \'QUANTITY\', \'FREQUENCY\')) not null, "classified_at" timestamptz not null, "window_start" timestamptz null, "window_end" timestamptz null, "all_months" boolean not null, "window_months" int not null, "threshold_a" numeric(7,4) not null, "threshold_b" numeric(7,4) not null, "critical_minimum_class" text check ("critical_minimum_class" in (\'A\', \'B\', \'C\')) not null, "ran_by_id" varchar(200) not null, "ran_by_name" varchar(200) not null, "part_count" int not null, "total_basis" varchar(48) not null, "parts_without_cost" int not null, "warnings" jsonb not null, "class_totals" jsonb not null, constraint "spare_parts_abc_classification_run_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_abc_classification_run_created_at_index" on "spare_parts_abc_classification_run" ("created_at")',
    );
    this.addSql(
      'create table "spare_parts_abc_classification_result" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "run_id" uuid not null, "part_id" uuid not null, "rank" int not null, "basis_value" varchar(48) not null, "issued_quantity" numeric(15,3) not null, "issue_months" int not null, "unit_cost" numeric(14,2) null, "cumulative_share" numeric(9,6) not null, "ranked_class" text check ("ranked_class" in (\'A\', \'B\', \'C\')) not null, "abc_class" text check ("abc_class" in (\'A\', \'B\', \'C\')) not null, "raised_by_critical_rule" boolean not null, constraint "spare_parts_abc_classification_result_pkey" primary key ("id"))',
    );
    this.addSql(
      'create index "spare_parts_abc_classification_result_part_id_index" on "spare_parts_abc_classification_result" ("part_id")',
    );
    this.addSql(
      'create index "spare_parts_abc_classification_result_run_id_abc_c_c12ed_index" on "spare_parts_abc_classification_result" ("run_id", "abc_class", "rank")',
    );
    this.addSql(
      'alter table "spare_parts_abc_classification_result" add constraint "spare_parts_abc_classification_result_run_id_rank_unique" unique ("run_id", "rank")',
    );
    this.addSql(
      'alter table "spare_parts_abc_classification_result" add constraint "spare_parts_abc_classification_result_run_id_foreign" foreign key ("run_id") references "spare_parts_abc_classification_run" ("id") on update cascade',
    );
    this.addSql(
      'alter table "spare_parts_abc_classification_result" add constraint "spare_parts_abc_classification_result_part_id_foreign" foreign key ("part_id") references "spare_parts_part" ("id") on update cascade',
    );
  }
}
