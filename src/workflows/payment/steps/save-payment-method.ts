import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccountHolderDTO } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { STRIPE_PROVIDER_ID } from "../../../config/order"

type SetupIntent = {
  status?: string
  payment_method?: string | { id: string } | null
  last_setup_error?: { message?: string } | null
}

/** stripe-node's messages when Stripe could not be reached or answered with a 5xx. */
const UNAVAILABLE = /connection to Stripe|ECONNREFUSED|ETIMEDOUT|timed? ?out|rate limit|api_error/i

/**
 * Stripe's refusal of the card (declined, unknown, not a card) as the customer's 400.
 * Medusa's payment module folds provider errors into a plain Error carrying only their
 * message, so an unreachable Stripe is told apart by stripe-node's wording and stays a 5xx.
 */
function refusal(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error)
  if (UNAVAILABLE.test(message)) {
    return error
  }
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Stripe refused the card: ${message}`)
}

/**
 * Saves a card on the customer's Stripe account through Medusa (the provider's
 * savePaymentMethod: a confirmed off-session SetupIntent, which attaches the card). A card
 * Stripe refuses is a 400 and nothing is saved. Compensation detaches it again.
 */
export const savePaymentMethodStep = createStep(
  "payment-save-method",
  async (input: { account_holder: AccountHolderDTO; payment_method_id: string }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    let saved: { data?: Record<string, unknown> }
    try {
      ;[saved] = await payments.createPaymentMethods([
        {
          provider_id: STRIPE_PROVIDER_ID,
          data: { payment_method: input.payment_method_id, confirm: true, usage: "off_session" },
          context: {
            account_holder: input.account_holder,
            idempotency_key: `${input.account_holder.id}:save:${input.payment_method_id}`,
          },
        },
      ])
    } catch (error) {
      throw refusal(error)
    }
    const intent = (saved.data ?? {}) as SetupIntent
    const methodId =
      typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id
    if (intent.status !== "succeeded" || !methodId) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        intent.last_setup_error?.message ?? `The card could not be saved (${intent.status})`
      )
    }
    return new StepResponse({ payment_method_id: methodId }, methodId)
  },
  async (methodId, { container }) => {
    if (!methodId) {
      return
    }
    await container
      .resolve(Modules.PAYMENT)
      .deletePaymentMethods([{ provider_id: STRIPE_PROVIDER_ID, id: methodId }])
  }
)
