import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../utils/auth"
import { runIdempotent } from "../utils/idempotency"
import { listEnvelope } from "../../utils/pagination"
import { loadPlacedOrder } from "../../queries/order/placed-order-view"
import { listOrders } from "../../queries/order/order-access"
import { placeDirectOrderWorkflow } from "../../workflows/order/place-direct-order"
import type { DirectOrderBody, ListOrdersQuery } from "./validators"

/** The caller's orders, newest first; admins see everyone's and may filter. */
export async function GET(
  req: MedusaRequest<unknown, ListOrdersQuery>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const query = req.validatedQuery
  const page = { limit: query.limit, offset: query.offset }
  const filters =
    actor.role === "admin"
      ? { customer_id: query.user_id, status: query.status }
      : { customer_id: actor.id, status: query.status }
  const { items, count } = await listOrders(req.scope, filters, page)
  res.status(200).json(listEnvelope(items, count, page))
}

/** A direct order without the cart: 201 with the pending order and its payment (idempotent). */
export async function POST(
  req: MedusaRequest<DirectOrderBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  await runIdempotent(req, res, "POST /orders", async () => {
    const { result } = await placeDirectOrderWorkflow(req.scope).run({
      input: {
        customer_id: actor.id,
        ...req.validatedBody,
        actor: { type: "customer", id: actor.id },
      },
    })
    return { status: 201, body: await loadPlacedOrder(req.scope, result) }
  })
}
