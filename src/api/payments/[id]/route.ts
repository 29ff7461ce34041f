import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { loadPaymentFor } from "../../../queries/payment/payment-access"

/** One payment: the owner's or, for an admin, any. Anyone else gets a 404. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  res.status(200).json(await loadPaymentFor(req.scope, actor, req.params.id))
}
