import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../../utils/auth"
import { assertSavedCardsAvailable } from "../../../../queries/payment/saved-cards"
import { deletePaymentMethodWorkflow } from "../../../../workflows/payment/delete-payment-method"

/** Removes one of the caller's saved cards; anyone else's card is a 404. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  assertSavedCardsAvailable()
  await deletePaymentMethodWorkflow(req.scope).run({
    input: { customer_id: actor.id, payment_method_id: req.params.id },
  })
  res.status(204).send()
}
