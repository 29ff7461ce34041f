import {
  refetchEntity,
  type AuthenticatedMedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { HttpTypes } from "@medusajs/framework/types"
import { refundMedusaPaymentWorkflow } from "../../../../../workflows/payment/refund-medusa-payment"

/**
 * Replaces Medusa's handler of the dashboard's refund (same body, validation, permission
 * and answer: Medusa's middlewares for this path still run) only to run its refund under
 * the order's lock (src/workflows/payment/refund-medusa-payment.ts).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<HttpTypes.AdminRefundPayment>,
  res: MedusaResponse
): Promise<void> {
  await refundMedusaPaymentWorkflow(req.scope).run({
    input: {
      payment_id: req.params.id,
      created_by: req.auth_context.actor_id,
      ...req.validatedBody,
    },
  })
  const payment = await refetchEntity({
    entity: "payment",
    idOrFilter: req.params.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.status(200).json({ payment })
}
