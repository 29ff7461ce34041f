import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205010626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "analytics_product_month" drop constraint if exists "analytics_product_month_bucket_start_currency_code_product_id_unique";`);
    this.addSql(`create table if not exists "analytics_product_month" ("id" text not null, "bucket_start" timestamptz not null, "currency_code" text not null, "product_id" text not null, "units" integer not null, "revenue" numeric not null, "raw_revenue" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_product_month_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_product_month_deleted_at" ON "analytics_product_month" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_product_month_bucket_start_currency_code_product_id_unique" ON "analytics_product_month" ("bucket_start", "currency_code", "product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_product_month" cascade;`);
  }

}
