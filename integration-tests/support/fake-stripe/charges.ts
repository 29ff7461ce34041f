/** Charges: one per payment attempt of an intent, successful or failed, as on Stripe. */
import { newId, nowSeconds } from "./ids"
import type { DeclineCode } from "./magic-cards"
import type { Charge, PaymentIntent, PaymentMethod, Store } from "./store"

export interface Decline {
  code: DeclineCode
  declineCode: string
  message: string
}

/** A charge of the intent's amount with the card; declined when `decline` is given. */
function newCharge(intent: PaymentIntent, method: PaymentMethod, decline: Decline | null): Charge {
  return {
    id: newId("ch"),
    object: "charge",
    amount: intent.amount,
    amount_captured: 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: structuredClone(method.billing_details),
    calculated_statement_descriptor: null,
    captured: false,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    invoice: null,
    livemode: false,
    // Stripe copies the intent's metadata onto its charges.
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: decline
      ? {
          network_status: "declined_by_network",
          reason: decline.declineCode,
          risk_level: "normal",
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        }
      : {
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          seller_message: "Payment complete.",
          type: "authorized",
        },
    paid: !decline,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: decline ? null : intent.amount,
        brand: method.card.brand,
        checks: method.card.checks,
        country: method.card.country,
        exp_month: method.card.exp_month,
        exp_year: method.card.exp_year,
        fingerprint: method.card.fingerprint,
        funding: method.card.funding,
        installments: null,
        last4: method.card.last4,
        mandate: null,
        network: method.card.networks?.preferred ?? method.card.brand,
        three_d_secure: null,
        wallet: null,
      },
    },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: null,
    status: decline ? "failed" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  }
}

/** An authorised charge; captured at once unless the intent captures manually. */
export function createSuccessfulCharge(
  store: Store,
  intent: PaymentIntent,
  method: PaymentMethod,
  capture: boolean
): Charge {
  const charge = newCharge(intent, method, null)
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
  const charge = newCharge(intent, method, decline)
  store.charges.set(charge.id, charge)
  return charge
}

/** The charge a refund of the intent applies to: its latest successful one. */
export function refundableChargeOf(store: Store, intent: PaymentIntent): Charge | undefined {
  const charge = intent.latest_charge ? store.charges.get(intent.latest_charge) : undefined
  return charge?.status === "succeeded" ? charge : undefined
}
