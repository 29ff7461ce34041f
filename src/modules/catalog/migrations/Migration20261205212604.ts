import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205212604 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "catalog_product" add column if not exists "direct_category_ids" text[] not null default '{}';`);
    // Rows synced before this column existed: their direct categories from Medusa's
    // product module (the next sync of each product rewrites them anyway).
    this.addSql(`update "catalog_product" p set "direct_category_ids" = coalesce((select array_agg(pc."product_category_id" order by pc."product_category_id") from "product_category_product" pc where pc."product_id" = p."id"), '{}') where exists (select 1 from information_schema.tables where table_name = 'product_category_product');`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_direct_category_ids" ON "catalog_product" ("direct_category_ids") WHERE is_active = true AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_catalog_product_direct_category_ids";`);
    this.addSql(`alter table if exists "catalog_product" drop column if exists "direct_category_ids";`);
  }

}
