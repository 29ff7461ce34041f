import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205010853 extends Migration {

  override async up(): Promise<void> {
    // The generator also proposed dropping "IDX_catalog_product_is_active_product_created_at":
    // a stale snapshot entry no migration ever created (IDX_catalog_product_newest replaced it).
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_stock_quantity_id" ON "catalog_product" ("stock_quantity", "id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_catalog_product_stock_quantity_id";`);
  }

}
