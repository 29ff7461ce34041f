import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../utils/auth"
import { loadOrderFor } from "../../../../queries/order/order-access"
import { assertSettableByAdmin } from "../../../../utils/order/status-machine"
import { changeOrderStatusWorkflow } from "../../../../workflows/order/change-order-status"
import type { ChangeStatusBody } from "../../validators"

/** Moves an order along its status machine (admin); illegal moves are a 409. */
export async function PUT(
  req: MedusaRequest<ChangeStatusBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { status, note } = req.validatedBody
  assertSettableByAdmin(status)
  await changeOrderStatusWorkflow(req.scope).run({
    input: { order_id: req.params.id, to: status, note, actor: { type: "admin", id: actor.id } },
  })
  res.status(200).json(await loadOrderFor(req.scope, actor, req.params.id))
}
