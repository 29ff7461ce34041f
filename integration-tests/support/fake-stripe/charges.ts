/** Charges: one per payment attempt of an intent, successful or failed, as on Stripe. */
import { newId, nowSeconds } from "./ids"
import type { Store } from "./store"
import type { Charge, PaymentIntent, PaymentMethod } from "./types"

export interface Decline {
  code: string
  declineCode: string
  message: string
}

function baseCharge(intent: PaymentIntent, method: PaymentMethod): Charge {
  return {
    id: newId("ch"),
    object: "charge",
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    balance_transaction: null,
    billing_details: structuredClone(method.billing_details),
    captured: false,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    failure_code: null,
    failure_message: null,
    livemode: false,
    // Stripe copies the intent's metadata onto its charges.
    metadata: { ...intent.metadata },
    outcome: {
      network_status: "approved_by_network",
      reason: null,
      seller_message: "Payment complete.",
      type: "authorized",
    },
    paid: true,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: {
      type: "card",
      card: {
        brand: method.card.brand,
        country: method.card.country,
        exp_month: method.card.exp_month,
        exp_year: method.card.exp_year,
        funding: method.card.funding,
        last4: method.card.last4,
      },
    },
    refunded: false,
    status: "succeeded",
  }
}

/** An authorised charge; captured at once unless the intent captures manually. */
export function createSuccessfulCharge(
  store: Store,
  intent: PaymentIntent,
  method: PaymentMethod,
  capture: boolean
): Charge {
  const charge = baseCharge(intent, method)
  charge.captured = capture
  charge.amount_captured = capture ? intent.amount : 0
  store.charges.set(charge.id, charge)
  return charge
}

export function createFailedCharge(
  store: Store,
  intent: PaymentIntent,
  method: PaymentMethod,
  decline: Decline
): Charge {
  const charge = baseCharge(intent, method)
  charge.paid = false
  charge.status = "failed"
  charge.failure_code = decline.code
  charge.failure_message = decline.message
  charge.outcome = {
    network_status: "declined_by_network",
    reason: decline.declineCode,
    seller_message: "The bank did not return any further details with this decline.",
    type: "issuer_declined",
  }
  store.charges.set(charge.id, charge)
  return charge
}

/** The charge a refund of the intent applies to: its latest successful one. */
export function refundableChargeOf(store: Store, intent: PaymentIntent): Charge | undefined {
  const charge = intent.latest_charge ? store.charges.get(intent.latest_charge) : undefined
  return charge?.status === "succeeded" ? charge : undefined
}
