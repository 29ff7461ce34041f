import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Hand-written, like `sync_version` (Migration20261130222222): DML has no bigint column and
 * the number is the SQL's own business, not the model's.
 *
 * `stock_version` is the number of the write the row's stock came from. Workflows that
 * change stock (checkout, cancellation, expiry) write only the stock columns, numbered from
 * the same sequence taken before they read the stock; a full sync then keeps a newer stock
 * while still writing the other columns (docs/CATALOG.md, "Keeping the read model right").
 */
export class Migration20261206003000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "catalog_product" add column if not exists "stock_version" bigint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "catalog_product" drop column if exists "stock_version";`);
  }

}
