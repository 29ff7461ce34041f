import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { listSavedCards } from "../../../queries/payment/saved-cards"
import { STRIPE_PROVIDER_ID } from "../../../config/order"

/**
 * Removes one of the customer's own saved cards at Stripe. A card that is not theirs
 * (another customer's, or unknown) is a 404, so card ids of others reveal nothing.
 *
 * No compensation: a detached card cannot be re-attached without the customer (Stripe
 * refuses to re-attach a detached PaymentMethod); it is the workflow's only step.
 */
export const detachPaymentMethodStep = createStep(
  "payment-detach-method",
  async (input: { customer_id: string; payment_method_id: string }, { container }) => {
    const cards = await listSavedCards(container, input.customer_id)
    if (!cards.some((card) => card.id === input.payment_method_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Payment method ${input.payment_method_id} was not found`
      )
    }
    await container.resolve(Modules.PAYMENT).deletePaymentMethods([
      {
        provider_id: STRIPE_PROVIDER_ID,
        id: input.payment_method_id,
        context: { idempotency_key: `${input.customer_id}:detach:${input.payment_method_id}` },
      },
    ])
    return new StepResponse(input.payment_method_id)
  }
)
