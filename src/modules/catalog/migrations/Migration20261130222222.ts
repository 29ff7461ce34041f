import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130222222 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "catalog_lexeme" ("word" text not null, "ndoc" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "catalog_lexeme_pkey" primary key ("word"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_lexeme_deleted_at" ON "catalog_lexeme" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "catalog_product" ("id" text not null, "handle" text not null, "name" text not null, "description" text null, "is_active" boolean not null, "variant_id" text null, "inventory_item_id" text null, "price" numeric null, "currency_code" text null, "category_id" text null, "category_ids" text[] not null, "tags" text[] not null, "stock_quantity" integer null, "in_stock" boolean not null, "rating_average" real null, "review_count" integer not null default 0, "product_created_at" timestamptz not null, "product_updated_at" timestamptz not null, "search_text" text not null, "view" jsonb not null, "raw_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "catalog_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_deleted_at" ON "catalog_product" ("deleted_at") WHERE deleted_at IS NULL;`);

    // Hand-written below (DML cannot express them): trigram matching, the generated
    // tsvector and the indexes the catalog's queries use. Sorts end with the id so pages
    // are stable; partial indexes cover what the public sees (active products).
    this.addSql(`CREATE EXTENSION IF NOT EXISTS pg_trgm;`);
    this.addSql(`alter table "catalog_product" add column if not exists "search_vector" tsvector generated always as (setweight(to_tsvector('simple', "name"), 'A') || setweight(to_tsvector('simple', "search_text"), 'B') || setweight(to_tsvector('simple', coalesce("description", '')), 'D')) stored;`);
    // Sync ordering: every sync takes a number from this sequence *before* reading Medusa's
    // modules, and a row is only overwritten by a sync with a higher number, so a slow
    // sync can never replace a newer state with the older one it read.
    this.addSql(`CREATE SEQUENCE IF NOT EXISTS "catalog_sync_version_seq";`);
    this.addSql(`alter table "catalog_product" add column if not exists "sync_version" bigint not null default 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_search_vector" ON "catalog_product" USING gin ("search_vector");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_category_ids" ON "catalog_product" USING gin ("category_ids");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_tags" ON "catalog_product" USING gin ("tags");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_newest" ON "catalog_product" ("product_created_at" desc, "id" desc) WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_price" ON "catalog_product" ("price", "id") WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_name" ON "catalog_product" (lower("name"), "id") WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_product_rating" ON "catalog_product" ("rating_average" desc nulls last, "review_count" desc, "id") WHERE is_active AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_catalog_lexeme_word_trgm" ON "catalog_lexeme" USING gin ("word" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog_lexeme" cascade;`);

    this.addSql(`drop table if exists "catalog_product" cascade;`);
    this.addSql(`drop sequence if exists "catalog_sync_version_seq";`);
  }

}
