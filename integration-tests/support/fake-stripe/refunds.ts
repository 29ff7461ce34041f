/** Refunds of captured charges, with Stripe's checks on what is left to refund. */
import type Stripe from "stripe"
import { refundableChargeOf } from "./charges"
import { invalidRequest } from "./errors"
import { newId, nowSeconds } from "./ids"
import { formatAmount } from "./money"
import type { Charge, Refund, Store } from "./store"

export interface RefundInput {
  paymentIntent?: string
  charge?: string
  amount?: number
  reason?: Stripe.Refund.Reason | null
  metadata?: Stripe.Metadata
}

function chargeToRefund(store: Store, input: RefundInput): Charge {
  if (input.charge) {
    const charge = store.charge(input.charge, "charge")
    if (input.paymentIntent && charge.payment_intent !== input.paymentIntent) {
      throw invalidRequest(
        `Charge ${charge.id} does not belong to PaymentIntent ${input.paymentIntent}.`,
        { param: "charge" }
      )
    }
    return charge
  }
  const intent = store.paymentIntent(input.paymentIntent ?? "", "payment_intent")
  const charge = refundableChargeOf(store, intent)
  if (!charge) {
    throw invalidRequest(
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      { param: "payment_intent" }
    )
  }
  return charge
}

export function createRefund(store: Store, input: RefundInput): Refund {
  const charge = chargeToRefund(store, input)
  if (!charge.captured) {
    // Stripe would release the authorisation here; the fake asks for the explicit cancel.
    throw invalidRequest(
      `Charge ${charge.id} has not been captured; cancel its PaymentIntent to release the authorization.`,
      { code: "charge_not_refundable" }
    )
  }
  const remaining = charge.amount_captured - charge.amount_refunded
  if (remaining <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
    })
  }
  const amount = input.amount ?? remaining
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { code: "amount_too_large", param: "amount" }
    )
  }
  const refund: Refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    metadata: input.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  }
  store.refunds.set(refund.id, refund)
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded >= charge.amount_captured
  store.recordChargeEvent("charge.refunded", charge)
  return refund
}
