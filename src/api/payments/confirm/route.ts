import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requireActorOf } from "../../utils/auth"
import { HttpError } from "../../utils/errors"
import { orderSettings, STRIPE_PROVIDER_ID, SYSTEM_PROVIDER_ID } from "../../../config/order"
import { findAttemptFor, loadPaymentFor } from "../../../queries/payment/payment-access"
import { paymentViewOf } from "../../../queries/payment/payment-view"
import { settlePaymentWorkflow } from "../../../workflows/payment/settle-payment"
import type { ConfirmPaymentBody } from "../validators"

/**
 * Confirms the caller's payment: Stripe confirms the intent (with the card given, or the
 * one the storefront attached), and a success pays the order at once. 3-D Secure answers
 * `requires_action` with Stripe's next action; the webhook finishes it. A decline is a
 * 402 with Stripe's reason, and the order stays pending. Confirming a payment that
 * already succeeded answers it again.
 */
export async function POST(
  req: MedusaRequest<ConfirmPaymentBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { payment_id, payment_method_id } = req.validatedBody
  const attempt = await findAttemptFor(req.scope, actor, payment_id)
  if (attempt.status === "failed" || attempt.status === "canceled") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Payment ${payment_id} ${attempt.status}: create a new payment for the order`
    )
  }
  if (attempt.provider_id === SYSTEM_PROVIDER_ID && !orderSettings().allowSystemPayments) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This shop takes no online payments (no Stripe configured): the order is paid when the shop records the payment"
    )
  }
  if (attempt.status !== "succeeded") {
    const { result } = await settlePaymentWorkflow(req.scope).run({
      input: {
        attempt_id: attempt.id,
        order_id: attempt.order_id,
        customer_id: actor.id,
        // The system provider has nothing to confirm: authorizing it is the payment.
        confirm: attempt.provider_id === STRIPE_PROVIDER_ID ? { payment_method_id } : undefined,
        actor: { type: "customer", id: actor.id },
        note: "Payment confirmed by the customer",
      },
    })
    if (result.status === "canceled") {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Payment ${payment_id} was cancelled (its order was cancelled or paid otherwise)`
      )
    }
    if (result.status === "pending") {
      // Stripe had no card to charge: none given and none attached by Stripe.js.
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "No payment method: pass payment_method_id or attach one with Stripe.js first"
      )
    }
    if (result.status === "failed") {
      throw new HttpError(
        402,
        "payment_declined",
        result.failure.message ?? "The payment was declined",
        {},
        { code: result.failure.code ?? undefined }
      )
    }
    if (result.status === "succeeded" && result.moved) {
      // Paid, with the money the settlement read: the answer without reading it all again.
      const { payment_id, captures, refunds } = result.moved
      res
        .status(200)
        .json(paymentViewOf(result.attempt, undefined, { id: payment_id, captures, refunds }))
      return
    }
  }
  res.status(200).json(await loadPaymentFor(req.scope, actor, attempt.id))
}
