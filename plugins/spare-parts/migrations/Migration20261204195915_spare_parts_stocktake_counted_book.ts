import { Migration } from '@mikro-orm/migrations';

export class Migration20261204195915_spare_parts_stocktake_counted_book extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "spare_parts_stocktake_line" add column "counted_book_quantity" numeric(15,3) null',
    );
  }
}
