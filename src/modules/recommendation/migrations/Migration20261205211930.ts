import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205211930 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "recommendation_product" drop constraint if exists "recommendation_product_product_id_unique";`);
    this.addSql(`alter table if exists "recommendation_pair" drop constraint if exists "recommendation_pair_product_id_other_id_unique";`);
    this.addSql(`alter table if exists "recommendation_order" drop constraint if exists "recommendation_order_order_id_unique";`);
    this.addSql(`alter table if exists "recommendation_customer_product" drop constraint if exists "recommendation_customer_product_customer_id_product_id_unique";`);
    this.addSql(`create table if not exists "recommendation_customer_product" ("id" text not null, "customer_id" text not null, "product_id" text not null, "orders" integer not null, "last_ordered_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_customer_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_customer_product_deleted_at" ON "recommendation_customer_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_customer_product_customer_id_product_id_unique" ON "recommendation_customer_product" ("customer_id", "product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_customer_product_customer_id_last_ordered_at" ON "recommendation_customer_product" ("customer_id", "last_ordered_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_order" ("id" text not null, "order_id" text not null, "customer_id" text null, "product_ids" text[] not null, "counted" boolean not null default false, "paired" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_order_deleted_at" ON "recommendation_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_order_order_id_unique" ON "recommendation_order" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_pair" ("id" text not null, "product_id" text not null, "other_id" text not null, "orders" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_pair_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_pair_deleted_at" ON "recommendation_pair" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_pair_product_id_other_id_unique" ON "recommendation_pair" ("product_id", "other_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "recommendation_product" ("id" text not null, "product_id" text not null, "orders" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "recommendation_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_deleted_at" ON "recommendation_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_recommendation_product_product_id_unique" ON "recommendation_product" ("product_id") WHERE deleted_at IS NULL;`);

    // The read paths (DML cannot express a descending key): a product's partners, most
    // orders first, and the most often bought products.
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_pair_top" ON "recommendation_pair" ("product_id", "orders" desc, "other_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_recommendation_product_popular" ON "recommendation_product" ("orders" desc, "product_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recommendation_customer_product" cascade;`);

    this.addSql(`drop table if exists "recommendation_order" cascade;`);

    this.addSql(`drop table if exists "recommendation_pair" cascade;`);

    this.addSql(`drop table if exists "recommendation_product" cascade;`);
  }

}
