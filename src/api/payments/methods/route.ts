import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import {
  assertSavedCardsAvailable,
  listSavedCards,
  toPaymentMethodView,
} from "../../../queries/payment/saved-cards"
import { savePaymentMethodWorkflow } from "../../../workflows/payment/save-payment-method"
import type { SavePaymentMethodBody } from "../validators"

/** The caller's own saved cards (never anyone else's). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const actor = requireActorOf(req)
  res.status(200).json({ items: await listSavedCards(req.scope, actor.id) })
}

/** Saves a card (a PaymentMethod made by Stripe.js) on the caller's Stripe customer. */
export async function POST(
  req: MedusaRequest<SavePaymentMethodBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  assertSavedCardsAvailable()
  const { result } = await savePaymentMethodWorkflow(req.scope).run({
    input: { customer_id: actor.id, payment_method_id: req.validatedBody.payment_method_id },
  })
  // Stripe's SetupIntent names the card only by id: its details come from the card list.
  const cards = await listSavedCards(req.scope, actor.id)
  const saved = cards.find((card) => card.id === result.payment_method_id)
  res.status(201).json(saved ?? toPaymentMethodView({ id: result.payment_method_id }))
}
