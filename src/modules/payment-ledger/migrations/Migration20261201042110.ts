import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201042110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "reconciliation_finding" drop constraint if exists "reconciliation_finding_kind_check";`);

    this.addSql(`alter table if exists "reconciliation_finding" add constraint "reconciliation_finding_kind_check" check("kind" in ('captured_without_paid_order', 'succeeded_intent_pending_order', 'captured_on_cancelled_order', 'refund_outside_engine'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "reconciliation_finding" drop constraint if exists "reconciliation_finding_kind_check";`);

    this.addSql(`alter table if exists "reconciliation_finding" add constraint "reconciliation_finding_kind_check" check("kind" in ('captured_without_paid_order', 'succeeded_intent_pending_order', 'captured_on_cancelled_order'));`);
  }

}
