/**
 * PaymentMethods. Every one the fake holds comes from a test card (a magic `pm_card_*` id
 * or a `tok_*` token), whose profile is kept in `store.cards` to decide how charges go.
 */
import type Stripe from "stripe"
import { invalidParam, invalidRequest } from "./errors"
import { newId, nowSeconds } from "./ids"
import { fingerprint, magicPaymentMethod, magicToken, type CardProfile } from "./magic-cards"
import {
  addressParam,
  assertKnownParams,
  metadataParam,
  nullableString,
  optionalEnum,
  optionalObject,
  optionalString,
  type Params,
} from "./params"
import type { PaymentMethod, Store } from "./store"

type BillingDetails = Stripe.PaymentMethod.BillingDetails

function emptyBillingDetails(): BillingDetails {
  return {
    address: {
      city: null,
      country: null,
      line1: null,
      line2: null,
      postal_code: null,
      state: null,
    },
    email: null,
    name: null,
    phone: null,
  }
}

function cardView(card: CardProfile, id: string, created: number): PaymentMethod {
  return {
    id,
    object: "payment_method",
    billing_details: emptyBillingDetails(),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: null },
      country: card.country,
      display_brand: card.brand === "amex" ? "american_express" : card.brand,
      // Stripe's test cards take any future expiry; a fixed one keeps snapshots stable.
      exp_month: 12,
      exp_year: new Date().getFullYear() + 3,
      fingerprint: fingerprint(card),
      funding: card.funding,
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created,
    customer: null,
    livemode: false,
    metadata: {},
    type: "card",
  }
}

export function createCardPaymentMethod(
  store: Store,
  card: CardProfile,
  details: {
    customer?: string | null
    billingDetails?: BillingDetails
    metadata?: Stripe.Metadata
  } = {}
): PaymentMethod {
  const method = cardView(card, newId("pm"), nowSeconds())
  method.customer = details.customer ?? null
  method.billing_details = details.billingDetails ?? method.billing_details
  method.metadata = details.metadata ?? {}
  store.paymentMethods.set(method.id, method)
  store.cards.set(method.id, card)
  return method
}

export function cardOf(store: Store, method: PaymentMethod): CardProfile {
  const card = store.cards.get(method.id)
  if (!card) {
    throw new Error(`fake-stripe: no test card recorded for ${method.id}`)
  }
  return card
}

/**
 * A PaymentMethod id as an intent or setup intent receives it. A magic `pm_card_*` id is
 * turned into a new PaymentMethod each time, as Stripe does (the intent then shows a `pm_`
 * id, not `pm_card_visa`).
 */
export function usePaymentMethod(store: Store, id: string, param: string): PaymentMethod {
  const magic = magicPaymentMethod(id)
  return magic ? createCardPaymentMethod(store, magic) : store.paymentMethod(id, param)
}

/** GET of a magic id answers a view of the test card without storing anything. */
export function retrievePaymentMethod(store: Store, id: string): PaymentMethod {
  const magic = magicPaymentMethod(id)
  return magic ? cardView(magic, id, nowSeconds()) : store.paymentMethod(id)
}

const BILLING_FIELDS = ["address", "email", "name", "phone"] as const

function billingDetailsParam(params: Params, name: string): BillingDetails | undefined {
  const object = optionalObject(params, name)
  if (!object) {
    return undefined
  }
  assertKnownParams(object, BILLING_FIELDS, name)
  const details = emptyBillingDetails()
  details.address = addressParam(object, "address") ?? details.address
  details.email = nullableString(object, "email") ?? null
  details.name = nullableString(object, "name") ?? null
  details.phone = nullableString(object, "phone") ?? null
  return details
}

export const PAYMENT_METHOD_DATA_PARAMS = [
  "type",
  "card",
  "billing_details",
  "metadata",
  "allow_redisplay",
] as const

/**
 * `POST /v1/payment_methods` parameters, also used for `payment_method_data` on intents.
 * Only `card[token]` is accepted, as on a Stripe account without raw card data access.
 */
export function paymentMethodFromParams(store: Store, params: Params, prefix = ""): PaymentMethod {
  const at = (name: string) => (prefix ? `${prefix}[${name}]` : name)
  const type = optionalEnum(params, "type", ["card"])
  if (!type) {
    throw invalidParam(`Missing required param: ${at("type")}.`, at("type"), "parameter_missing")
  }
  const cardParams = optionalObject(params, "card")
  if (!cardParams) {
    throw invalidParam(`Missing required param: ${at("card")}.`, at("card"), "parameter_missing")
  }
  const token = optionalString(cardParams, "token")
  if (token === undefined) {
    if (cardParams.number !== undefined) {
      // What Stripe answers accounts without raw card data access; PANs stay out of tests.
      throw invalidParam(
        "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using (fake-stripe: card[token]=tok_visa, or a pm_card_* id).",
        at("card[number]")
      )
    }
    throw invalidParam(
      `Missing required param: ${at("card[token]")}.`,
      at("card[token]"),
      "parameter_missing"
    )
  }
  const card = magicToken(token)
  if (!card) {
    throw invalidRequest(`No such token: '${token}'`, {
      code: "resource_missing",
      param: at("card[token]"),
    })
  }
  return createCardPaymentMethod(store, card, {
    billingDetails: billingDetailsParam(params, "billing_details"),
    metadata: metadataParam(params) ?? {},
  })
}

/**
 * Attaching a magic id creates a new PaymentMethod owned by the customer, as on Stripe; a
 * stored one is attached in place.
 */
export function attachPaymentMethod(store: Store, id: string, customerId: string): PaymentMethod {
  const customer = store.customer(customerId, "customer")
  const magic = magicPaymentMethod(id)
  if (magic) {
    return createCardPaymentMethod(store, magic, { customer: customer.id })
  }
  const method = store.paymentMethod(id)
  if (method.customer && method.customer !== customer.id) {
    throw invalidRequest(
      "The payment method you provided has already been attached to a customer.",
      {
        code: "payment_method_unexpected_state",
      }
    )
  }
  method.customer = customer.id
  return method
}

export function detachPaymentMethod(store: Store, id: string): PaymentMethod {
  const method = store.paymentMethod(id)
  if (!method.customer) {
    throw invalidRequest(
      "The payment method you provided is not attached to a customer so detachment is impossible.",
      { code: "payment_method_unexpected_state" }
    )
  }
  const customer = store.customers.get(method.customer)
  if (customer?.invoice_settings.default_payment_method === method.id) {
    customer.invoice_settings.default_payment_method = null
  }
  method.customer = null
  return method
}

export function paymentMethodsOf(store: Store, customerId: string): PaymentMethod[] {
  return [...store.paymentMethods.values()].filter((method) => method.customer === customerId)
}
