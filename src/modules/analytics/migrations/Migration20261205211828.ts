import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205211828 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "analytics_sales_local_day" drop constraint if exists "analytics_sales_local_day_timezone_bucket_start_currency_code_status_unique";`);
    this.addSql(`create table if not exists "analytics_local_day_zone" ("id" text not null, "timezone" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_local_day_zone_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_local_day_zone_deleted_at" ON "analytics_local_day_zone" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "analytics_sales_local_day" ("id" text not null, "timezone" text not null, "bucket_start" timestamptz not null, "currency_code" text not null, "status" text not null, "orders" integer not null, "total" numeric not null, "refunded" numeric not null, "units" integer not null, "new_customers" integer not null, "returning_orders" integer not null, "raw_total" jsonb not null, "raw_refunded" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "analytics_sales_local_day_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_analytics_sales_local_day_deleted_at" ON "analytics_sales_local_day" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_analytics_sales_local_day_timezone_bucket_start_currency_code_status_unique" ON "analytics_sales_local_day" ("timezone", "bucket_start", "currency_code", "status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "analytics_local_day_zone" cascade;`);

    this.addSql(`drop table if exists "analytics_sales_local_day" cascade;`);
  }

}
