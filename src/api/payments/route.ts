import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../utils/auth"
import { listEnvelope } from "../../utils/pagination"
import { listPayments } from "../../queries/payment/payment-access"
import type { ListPaymentsQuery } from "./validators"

/** The caller's payment history (or one of their orders'); admins see every payment. */
export async function GET(
  req: MedusaRequest<unknown, ListPaymentsQuery>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const query = req.validatedQuery
  // A customer's filters never reach beyond their own payments.
  const filters = {
    order_id: query.order_id,
    ...(actor.role === "customer" ? { customer_id: actor.id } : {}),
  }
  const { items, count } = await listPayments(req.scope, filters, query)
  res.status(200).json(listEnvelope(items, count, query))
}
