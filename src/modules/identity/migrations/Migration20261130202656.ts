import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261130202656 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "refresh_token" drop constraint if exists "refresh_token_token_hash_unique";`);
    this.addSql(`alter table if exists "profile" drop constraint if exists "profile_username_unique";`);
    this.addSql(`alter table if exists "profile" drop constraint if exists "profile_actor_type_actor_id_unique";`);
    this.addSql(`create table if not exists "profile" ("id" text not null, "actor_type" text check ("actor_type" in ('customer', 'user')) not null, "actor_id" text not null, "username" text null, "preferences" jsonb not null default '{}', "email_verified_at" timestamptz null, "deactivated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "profile_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_profile_deleted_at" ON "profile" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_profile_actor_type_actor_id_unique" ON "profile" ("actor_type", "actor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_profile_username_unique" ON "profile" ("username") WHERE deleted_at IS NULL AND username IS NOT NULL;`);

    this.addSql(`create table if not exists "refresh_token" ("id" text not null, "family_id" text not null, "token_hash" text not null, "actor_type" text check ("actor_type" in ('customer', 'user')) not null, "actor_id" text not null, "auth_identity_id" text not null, "expires_at" timestamptz not null, "rotated_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refresh_token_deleted_at" ON "refresh_token" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_refresh_token_token_hash_unique" ON "refresh_token" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refresh_token_family_id" ON "refresh_token" ("family_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refresh_token_actor_id" ON "refresh_token" ("actor_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "profile" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);
  }

}
