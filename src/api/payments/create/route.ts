import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadPaymentFor } from "../../../queries/payment/payment-access"
import { createPaymentWorkflow } from "../../../workflows/payment/create-payment"
import type { CreatePaymentBody } from "../validators"

/** A new payment for the caller's pending order (its earlier payments failed). */
export async function POST(
  req: MedusaRequest<CreatePaymentBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { result } = await createPaymentWorkflow(req.scope).run({
    input: { order_id: req.validatedBody.order_id, customer_id: actor.id },
  })
  res.status(201).json(await loadPaymentFor(req.scope, actor, result.id))
}
