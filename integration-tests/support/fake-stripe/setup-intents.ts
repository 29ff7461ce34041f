/**
 * SetupIntents: saving a card for later. Success attaches the PaymentMethod to the
 * customer; 3-D Secure cards ask for authentication first, declining cards fail as on Stripe.
 */
import type Stripe from "stripe"
import { docUrl, invalidRequest, StripeApiError, unexpectedSetupIntentState } from "./errors"
import { clientSecret, newId, nowSeconds } from "./ids"
import { cardOf } from "./payment-methods"
import type { AuthenticationOutcome } from "./payment-intents"
import type { PaymentMethod, SetupIntent, Store } from "./store"

const CONFIRMABLE: Stripe.SetupIntent.Status[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
]

export interface CreateSetupIntentInput {
  customer: string | null
  description: string | null
  metadata: Stripe.Metadata
  paymentMethod: PaymentMethod | null
  paymentMethodTypes: string[]
  usage: SetupIntent["usage"]
}

export function createSetupIntent(store: Store, input: CreateSetupIntentInput): SetupIntent {
  const id = newId("seti")
  const intent: SetupIntent = {
    id,
    object: "setup_intent",
    application: null,
    automatic_payment_methods: null,
    cancellation_reason: null,
    client_secret: clientSecret(id),
    created: nowSeconds(),
    customer: input.customer,
    description: input.description,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    single_use_mandate: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    usage: input.usage,
  }
  store.setupIntents.set(id, intent)
  return intent
}

export function setSetupPaymentMethod(intent: SetupIntent, method: PaymentMethod): void {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedSetupIntentState(
      intent,
      `This SetupIntent's payment_method could not be updated because it has a status of ${intent.status}.`
    )
  }
  intent.payment_method = method.id
  intent.status = "requires_confirmation"
  intent.next_action = null
}

export function confirmSetupIntent(store: Store, intent: SetupIntent): void {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedSetupIntentState(
      intent,
      `You cannot confirm this SetupIntent because it has a status of ${intent.status}. Only a SetupIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`
    )
  }
  if (!intent.payment_method) {
    throw invalidRequest(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      { code: "setup_intent_unexpected_state", param: "payment_method" }
    )
  }
  const method = store.paymentMethod(intent.payment_method, "payment_method")
  if (method.customer && intent.customer && method.customer !== intent.customer) {
    throw invalidRequest(
      "The payment method you provided has already been attached to a customer.",
      {
        param: "payment_method",
      }
    )
  }
  const outcome = cardOf(store, method).outcome
  if (outcome.kind === "authenticate") {
    intent.status = "requires_action"
    intent.next_action = {
      type: "use_stripe_sdk",
      use_stripe_sdk: {
        type: "three_d_secure_redirect",
        stripe_js: `${store.baseUrl}/_fake/setup_intents/${intent.id}/authenticate`,
        source: newId("src"),
      },
    }
    store.recordSetupIntentEvent("setup_intent.requires_action", intent)
    return
  }
  if (outcome.kind === "decline") {
    intent.status = "requires_payment_method"
    intent.payment_method = null
    intent.last_setup_error = {
      type: "card_error",
      code: outcome.code,
      decline_code: outcome.declineCode,
      doc_url: docUrl(outcome.code),
      message: outcome.message,
      payment_method: structuredClone(method),
    }
    store.recordSetupIntentEvent("setup_intent.setup_failed", intent)
    throw new StripeApiError(402, {
      type: "card_error",
      code: outcome.code,
      decline_code: outcome.declineCode,
      message: outcome.message,
      payment_method: structuredClone(method),
      setup_intent: structuredClone(intent),
    })
  }
  succeed(store, intent, method)
}

function succeed(store: Store, intent: SetupIntent, method: PaymentMethod): void {
  if (intent.customer) {
    method.customer = intent.customer
  }
  intent.status = "succeeded"
  intent.next_action = null
  intent.last_setup_error = null
  store.recordSetupIntentEvent("setup_intent.succeeded", intent)
}

export function authenticateSetupIntent(
  store: Store,
  intent: SetupIntent,
  outcome: AuthenticationOutcome
): void {
  if (intent.status !== "requires_action" || !intent.payment_method) {
    throw unexpectedSetupIntentState(
      intent,
      `This SetupIntent is not waiting for authentication: it has a status of ${intent.status}.`
    )
  }
  const method = store.paymentMethod(intent.payment_method, "payment_method")
  if (outcome === "succeed") {
    succeed(store, intent, method)
    return
  }
  intent.status = "requires_payment_method"
  intent.next_action = null
  intent.payment_method = null
  intent.last_setup_error = {
    type: "invalid_request_error",
    code: "setup_intent_authentication_failure",
    doc_url: docUrl("setup_intent_authentication_failure"),
    message:
      "The latest attempt to set up the payment method has failed because authentication failed.",
    payment_method: structuredClone(method),
  }
  store.recordSetupIntentEvent("setup_intent.setup_failed", intent)
}
