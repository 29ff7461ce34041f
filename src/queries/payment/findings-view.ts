import type { MedusaContainer } from "@medusajs/framework/types"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import { listEnvelope, type Page } from "../../utils/pagination"

/** What the reconciliation job found, most recently seen first. */
export async function listFindings(
  container: MedusaContainer,
  query: Page & { resolution?: string }
) {
  const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const [rows, count] = await ledger.listAndCountReconciliationFindings(
    query.resolution ? { resolution: query.resolution } : {},
    { skip: query.offset, take: query.limit, order: { last_seen_at: "DESC", id: "DESC" } }
  )
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    order_id: row.order_id,
    payment_id: row.attempt_id,
    resolution: row.resolution,
    detail: row.detail,
    first_seen_at: new Date(row.created_at).toISOString(),
    last_seen_at: new Date(row.last_seen_at).toISOString(),
  }))
  return listEnvelope(items, count, query)
}
