import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201042747 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "reconciliation_finding" drop constraint if exists "reconciliation_finding_kind_order_id_unique";`);
    this.addSql(`alter table if exists "payment_webhook_event" drop constraint if exists "payment_webhook_event_event_id_unique";`);
    this.addSql(`alter table if exists "payment_attempt" drop constraint if exists "payment_attempt_session_id_unique";`);
    this.addSql(`create table if not exists "payment_attempt" ("id" text not null, "session_id" text not null, "order_id" text not null, "customer_id" text null, "payment_collection_id" text not null, "provider_id" text not null, "amount" numeric not null, "currency_code" text not null, "status" text check ("status" in ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')) not null default 'pending', "payment_id" text null, "provider_reference" text null, "failure_code" text null, "failure_message" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_attempt_session_id_unique" ON "payment_attempt" ("session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_attempt_deleted_at" ON "payment_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_attempt_customer_id_created_at" ON "payment_attempt" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_attempt_order_id" ON "payment_attempt" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_webhook_event" ("id" text not null, "event_id" text not null, "type" text not null, "session_id" text null, "deliveries" integer not null default 1, "processed_at" timestamptz null, "outcome" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_webhook_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_webhook_event_event_id_unique" ON "payment_webhook_event" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_deleted_at" ON "payment_webhook_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_webhook_event_session_id" ON "payment_webhook_event" ("session_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "reconciliation_finding" ("id" text not null, "kind" text check ("kind" in ('captured_without_paid_order', 'succeeded_intent_pending_order', 'captured_on_cancelled_order', 'refund_outside_engine')) not null, "order_id" text not null, "attempt_id" text null, "resolution" text check ("resolution" in ('fixed', 'needs_attention')) not null, "detail" text not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "reconciliation_finding_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconciliation_finding_deleted_at" ON "reconciliation_finding" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_reconciliation_finding_kind_order_id_unique" ON "reconciliation_finding" ("kind", "order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_reconciliation_finding_created_at" ON "reconciliation_finding" ("created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_attempt" cascade;`);

    this.addSql(`drop table if exists "payment_webhook_event" cascade;`);

    this.addSql(`drop table if exists "reconciliation_finding" cascade;`);
  }

}
