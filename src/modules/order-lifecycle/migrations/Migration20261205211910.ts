import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205211910 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_status_change" add column if not exists "seq" serial;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_status_change_seq" ON "order_status_change" ("seq") WHERE deleted_at IS NULL;`);
    // Existing entries are numbered in the order they were made (the column's default
    // numbered them in storage order), and new ones continue after them.
    this.addSql(`update "order_status_change" c set "seq" = n.rn from (select "id", row_number() over (order by "created_at", "id") as rn from "order_status_change") n where c."id" = n."id";`);
    this.addSql(`select setval(pg_get_serial_sequence('order_status_change', 'seq'), coalesce((select max("seq") from "order_status_change"), 0) + 1, false);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_order_status_change_seq";`);
    this.addSql(`alter table if exists "order_status_change" drop column if exists "seq";`);
  }

}
