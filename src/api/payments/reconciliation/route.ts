import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listEnvelope } from "../../../utils/pagination"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type { FindingView, ListFindingsQuery } from "../validators"

/** What the reconciliation job found, most recently seen first (admin). */
export async function GET(
  req: MedusaRequest<unknown, ListFindingsQuery>,
  res: MedusaResponse
): Promise<void> {
  const query = req.validatedQuery
  const ledger = req.scope.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const [rows, count] = await ledger.listAndCountReconciliationFindings(
    query.resolution ? { resolution: query.resolution } : {},
    { skip: query.offset, take: query.limit, order: { last_seen_at: "DESC", id: "DESC" } }
  )
  const items = rows.map((row): FindingView => ({
    id: row.id,
    kind: row.kind,
    order_id: row.order_id,
    payment_id: row.attempt_id,
    resolution: row.resolution,
    detail: row.detail,
    first_seen_at: new Date(row.created_at).toISOString(),
    last_seen_at: new Date(row.last_seen_at).toISOString(),
  }))
  res.status(200).json(listEnvelope(items, count, query))
}
