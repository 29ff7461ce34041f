import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../../utils/auth"
import { assertSettableByAdmin } from "../../../../../utils/order/status-machine"
import { changeOrderStatusWorkflow } from "../../../../../workflows/order/change-order-status"
import type { ChangeStatusBody } from "../../../../orders/validators"
import { lifecycleOf } from "../../helpers"

/**
 * PUT /orders/{id}/status for the dashboard (which authenticates with its session cookie,
 * not a Bearer token): the same checks and the same workflow, recorded in the history.
 */
export async function POST(
  req: MedusaRequest<ChangeStatusBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { status, note } = req.validatedBody
  assertSettableByAdmin(status)
  await changeOrderStatusWorkflow(req.scope).run({
    input: { order_id: req.params.id, to: status, note, actor: { type: "admin", id: actor.id } },
  })
  res.status(200).json(await lifecycleOf(req, req.params.id))
}
