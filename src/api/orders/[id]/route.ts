import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadOrderFor } from "../../../queries/order/order-access"
import { changeOrderStatusWorkflow } from "../../../workflows/order/change-order-status"

/** One order with its status history (owner or admin; anyone else gets a 404). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  res.status(200).json(await loadOrderFor(req.scope, actor, req.params.id))
}

/**
 * Cancels the order while nothing has shipped: stock released, captured money refunded.
 * Shipped, delivered or already final orders are a 409.
 */
export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  await changeOrderStatusWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      to: "cancelled",
      actor: { type: actor.role, id: actor.id },
      note: actor.role === "customer" ? "Cancelled by the customer" : null,
      customer_id: actor.role === "customer" ? actor.id : undefined,
    },
  })
  res.status(200).json(await loadOrderFor(req.scope, actor, req.params.id))
}
