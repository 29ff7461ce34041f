import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../lib/http/auth"
import { loadPaymentFor } from "../../../lib/payment/payment-access"

/** One payment: the owner's or, for an admin, any. Anyone else gets a 404. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  res.status(200).json(await loadPaymentFor(req.scope, actor, req.params.id))
}
