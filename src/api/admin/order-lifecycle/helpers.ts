import type { MedusaRequest } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadOrderFor } from "../../../queries/order/order-access"
import { ADMIN_SETTABLE_STATUSES, STATUS_MOVES } from "../../../utils/order/status-machine"

/** The engine's status of an order, its history and the moves an admin may make now. */
export async function lifecycleOf(req: MedusaRequest, orderId: string) {
  const order = await loadOrderFor(req.scope, requireActorOf(req), orderId)
  return {
    order_id: order.id,
    status: order.status,
    allowed_moves: ADMIN_SETTABLE_STATUSES.filter((to) => STATUS_MOVES[order.status].includes(to)),
    history: order.status_history,
  }
}
