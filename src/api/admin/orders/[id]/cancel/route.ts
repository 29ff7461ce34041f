import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { cancelOrderInMedusaWorkflow } from "../../../../../workflows/order/cancel-order-in-medusa"

/**
 * Replaces Medusa's handler of the dashboard's order cancellation (same permission and
 * answer: Medusa's middlewares for this path still run) only to run its cancellation
 * under the order's lock, with its refunds checked
 * (src/workflows/order/cancel-order-in-medusa.ts).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await cancelOrderInMedusaWorkflow(req.scope).run({
    input: { order_id: req.params.id, canceled_by: req.auth_context.actor_id },
  })
  const order = await refetchEntity({
    entity: "order",
    idOrFilter: req.params.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.status(200).json({ order })
}
