import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listEnvelope } from "../../../../utils/pagination"
import { userTarget } from "../../helpers"
import { loadUserView } from "../../../../queries/identity/user-view"
import { listOrders } from "../../../../queries/order/order-access"
import type { UserOrdersQuery } from "../../validators"

/** A user's orders, newest first, as GET /orders shows them (admins have none of their own). */
export async function GET(
  req: MedusaRequest<unknown, UserOrdersQuery>,
  res: MedusaResponse
): Promise<void> {
  const target = userTarget(req)
  await loadUserView(req.scope, target.actor_type, target.actor_id)
  const page = req.validatedQuery
  if (target.actor_type !== "customer") {
    res.status(200).json(listEnvelope([], 0, page))
    return
  }
  const { items, count } = await listOrders(req.scope, { customer_id: target.actor_id }, page)
  res.status(200).json(listEnvelope(items, count, page))
}
