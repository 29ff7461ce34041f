import type { MedusaRequest } from "@medusajs/framework/http"
import { requireActorOf } from "../utils/auth"
import { changeOrderStatusWorkflow } from "../../workflows/order/change-order-status"
import type { ChangeStatusBody } from "./validators"

/**
 * An admin's status move of the order in the path (PUT /orders/{id}/status and the
 * dashboard's POST /admin/order-lifecycle/{id}/status): the statuses an admin may set,
 * the status machine (409) and the history entry, all in changeOrderStatusWorkflow.
 */
export async function moveOrderStatusAsAdmin(req: MedusaRequest<ChangeStatusBody>): Promise<void> {
  const actor = requireActorOf(req)
  const { status, note, tracking_number, tracking_url } = req.validatedBody
  const tracking =
    tracking_number || tracking_url
      ? { number: tracking_number ?? null, url: tracking_url ?? null }
      : undefined
  await changeOrderStatusWorkflow(req.scope).run({
    input: {
      order_id: req.params.id,
      to: status,
      note,
      tracking,
      actor: { type: "admin", id: actor.id },
      // Checked inside, after the order is loaded: an unknown order is a 404 first.
      by_admin: true,
    },
  })
}
