import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moveOrderStatusAsAdmin } from "../../../../orders/helpers"
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
  await moveOrderStatusAsAdmin(req)
  res.status(200).json(await lifecycleOf(req, req.params.id))
}
