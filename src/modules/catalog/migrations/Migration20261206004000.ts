import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Hand-written: the model's DML cannot express expression keys, key directions or
 * INCLUDE columns. One partial index per list sort over the live rows (active, not
 * deleted), keyed exactly as `sortOrder` in sql/queries.ts orders (non-null keys, one
 * direction, the id last), so a page is an index range scan from the cursor or the first
 * row. The filters' columns are included, so a filtered page or a capped count is an
 * index-only scan; the table is read only for the page's rows. They replace the sort
 * indexes of Migration20261130222222, whose nullable keys a cursor could not seek in.
 */
export class Migration20261206004000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_catalog_product_newest";`);
    this.addSql(`drop index if exists "IDX_catalog_product_price";`);
    this.addSql(`drop index if exists "IDX_catalog_product_name";`);
    this.addSql(`drop index if exists "IDX_catalog_product_rating";`);
    const live = `WHERE is_active AND deleted_at IS NULL`;
    const filters = `"price", "in_stock", "category_ids", "tags"`;
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_live_newest" ON "catalog_product" ("product_created_at" desc, "id" desc) INCLUDE (${filters}) ${live};`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_live_price_asc" ON "catalog_product" (coalesce("price", 1000000000000000::numeric), "id") INCLUDE (${filters}) ${live};`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_live_price_desc" ON "catalog_product" (coalesce("price", -1::numeric) desc, "id" desc) INCLUDE (${filters}) ${live};`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_live_name" ON "catalog_product" (lower("name"), "id") INCLUDE ("name", ${filters}) ${live};`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_live_rating" ON "catalog_product" (coalesce("rating_average", -1::real) desc, "review_count" desc, "id" desc) INCLUDE ("rating_average", ${filters}) ${live};`);
  }

  override async down(): Promise<void> {
    for (const sort of ["newest", "price_asc", "price_desc", "name", "rating"]) {
      this.addSql(`drop index if exists "IDX_catalog_product_live_${sort}";`);
    }
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_newest" ON "catalog_product" ("product_created_at" desc, "id" desc) WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_price" ON "catalog_product" ("price", "id") WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_name" ON "catalog_product" (lower("name"), "id") WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_rating" ON "catalog_product" ("rating_average" desc nulls last, "review_count" desc, "id") WHERE is_active AND deleted_at IS NULL;`);
  }

}
