import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201012112 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_lifecycle" drop constraint if exists "order_lifecycle_order_id_unique";`);
    this.addSql(`create table if not exists "order_lifecycle" ("id" text not null, "order_id" text not null, "customer_id" text null, "status" text check ("status" in ('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded')) not null default 'pending', "hold_expires_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_lifecycle_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_lifecycle_deleted_at" ON "order_lifecycle" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_lifecycle_order_id_unique" ON "order_lifecycle" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_lifecycle_customer_id_created_at" ON "order_lifecycle" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_lifecycle_status_created_at" ON "order_lifecycle" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_lifecycle_hold_expires_at" ON "order_lifecycle" ("hold_expires_at") WHERE status = 'pending' AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "order_status_change" ("id" text not null, "order_id" text not null, "from_status" text check ("from_status" in ('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded')) null, "to_status" text check ("to_status" in ('pending', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded')) not null, "actor_type" text check ("actor_type" in ('customer', 'admin', 'system')) not null, "actor_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_status_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_change_deleted_at" ON "order_status_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_change_order_id_created_at" ON "order_status_change" ("order_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_lifecycle" cascade;`);

    this.addSql(`drop table if exists "order_status_change" cascade;`);
  }

}
