import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../lib/http/auth"
import { listEnvelope } from "../../lib/http/pagination"
import { listPayments } from "../../lib/payment/payment-access"
import type { ListPaymentsQuery } from "./validators"

/** The caller's payment history; admins see every payment, or one order's. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  const query = req.validatedQuery as unknown as ListPaymentsQuery
  const filters =
    actor.role === "customer" ? { customer_id: actor.id } : { order_id: query.order_id }
  const { items, count } = await listPayments(req.scope, filters, query)
  res.status(200).json(listEnvelope(items, count, query))
}
