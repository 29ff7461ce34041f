import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { CONFIRMATION_KEY, type IntentConfirmation } from "../../../modules/stripe-payment/service"
import type { PaymentAttemptRecord } from "../../../modules/payment-ledger/types"

export type ConfirmPaymentIntentInput = {
  attempt: PaymentAttemptRecord
  payment_method_id?: string
}

/**
 * Confirms the attempt's Stripe PaymentIntent through Medusa's payment module (the
 * provider's updatePayment, src/modules/stripe-payment): Stripe's answer (succeeded,
 * requires_action, or a decline) is stored on the session. The idempotency key is the
 * session and card, so a retried request never confirms twice and a new card is a new try.
 *
 * No compensation: a confirmation at Stripe cannot be taken back. The steps after it
 * only record what Stripe decided, and re-running the workflow converges on it.
 */
export const confirmPaymentIntentStep = createStep(
  "payment-confirm-intent",
  async (input: ConfirmPaymentIntentInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const [session] = await payments.listPaymentSessions(
      { id: input.attempt.session_id },
      { select: ["id", "data", "amount", "currency_code", "status"], take: 1 }
    )
    if (!session) {
      // Closed (the order was cancelled or marked paid by hand): nothing to confirm.
      return new StepResponse({ status: "canceled" })
    }
    if (session.status === "authorized" || session.status === "captured") {
      // Settled by a webhook or a concurrent request while this one waited for the lock.
      return new StepResponse({ status: session.status })
    }
    const confirmation: IntentConfirmation = { payment_method: input.payment_method_id }
    const updated = await payments.updatePaymentSession({
      id: session.id,
      amount: session.amount,
      currency_code: session.currency_code,
      data: { ...session.data, [CONFIRMATION_KEY]: confirmation },
      context: {
        idempotency_key: `${session.id}:confirm:${input.payment_method_id ?? "attached"}`,
      },
    })
    return new StepResponse({ status: updated.status })
  }
)
