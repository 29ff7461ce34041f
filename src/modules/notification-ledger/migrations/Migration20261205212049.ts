import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205212049 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "notification_delivery" drop constraint if exists "notification_delivery_key_unique";`);
    this.addSql(`alter table if exists "low_stock_alert" drop constraint if exists "low_stock_alert_crossing_key_unique";`);
    this.addSql(`create table if not exists "low_stock_alert" ("id" text not null, "crossing_key" text not null, "product_id" text not null, "stock_quantity" integer not null, "threshold" integer not null, "digest_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "low_stock_alert_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_low_stock_alert_crossing_key_unique" ON "low_stock_alert" ("crossing_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_low_stock_alert_deleted_at" ON "low_stock_alert" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_low_stock_alert_product_id" ON "low_stock_alert" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_low_stock_alert_digest_id" ON "low_stock_alert" ("digest_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "notification_delivery" ("id" text not null, "key" text not null, "status" text check ("status" in ('sending', 'sent', 'failed')) not null, "attempts" integer not null default 0, "claimed_at" timestamptz not null, "sent_at" timestamptz null, "notification_id" text null, "last_error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_delivery_key_unique" ON "notification_delivery" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_deleted_at" ON "notification_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_delivery_status_claimed_at" ON "notification_delivery" ("status", "claimed_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "low_stock_alert" cascade;`);

    this.addSql(`drop table if exists "notification_delivery" cascade;`);
  }

}
