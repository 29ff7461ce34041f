/**
 * PaymentIntent state transitions, following Stripe's state machine:
 * requires_payment_method → requires_confirmation → (requires_action) → requires_capture |
 * succeeded, with canceled reachable from every state but succeeded. Each change records the
 * events Stripe would send.
 */
import type Stripe from "stripe"
import { createFailedCharge, createSuccessfulCharge, type Decline } from "./charges"
import { docUrl, invalidRequest, StripeApiError, unexpectedIntentState } from "./errors"
import { clientSecret, newId, nowSeconds } from "./ids"
import { cardOf, createCardPaymentMethod } from "./payment-methods"
import { testCard } from "./magic-cards"
import { formatAmount, minimumAmount } from "./money"
import type { PaymentIntent, PaymentMethod, Store } from "./store"

type PaymentIntentStatus = Stripe.PaymentIntent.Status
type CaptureMethod = Stripe.PaymentIntent.CaptureMethod

export type AuthenticationOutcome = "succeed" | "fail"

const CONFIRMABLE: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
]
const UPDATABLE = CONFIRMABLE
const CANCELABLE: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
]

export interface CreateIntentInput {
  amount: number
  currency: string
  customer: string | null
  description: string | null
  metadata: Stripe.Metadata
  captureMethod: CaptureMethod
  confirmationMethod: PaymentIntent["confirmation_method"]
  setupFutureUsage: PaymentIntent["setup_future_usage"]
  paymentMethod: PaymentMethod | null
  paymentMethodTypes: string[]
  automaticPaymentMethods: PaymentIntent["automatic_payment_methods"]
  receiptEmail: string | null
  statementDescriptor: string | null
}

export function assertChargeableAmount(amount: number, currency: string, param = "amount"): void {
  const minimum = minimumAmount(currency)
  if (amount < minimum) {
    throw new StripeApiError(
      400,
      {
        type: "invalid_request_error",
        code: "amount_too_small",
        param,
        message: `Amount must be at least ${formatAmount(minimum, currency)} ${currency}`,
      },
      false
    )
  }
}

/** Stripe refuses a PaymentMethod saved on one customer for another customer's intent. */
function assertUsableBy(intent: PaymentIntent, method: PaymentMethod): void {
  if (method.customer && method.customer !== intent.customer) {
    throw invalidRequest(
      `The provided PaymentMethod belongs to Customer ${method.customer}; pass customer=${method.customer} to use it.`,
      { param: "payment_method" }
    )
  }
}

export function createIntent(store: Store, input: CreateIntentInput): PaymentIntent {
  const id = newId("pi")
  const intent: PaymentIntent = {
    id,
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: input.automaticPaymentMethods,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: input.captureMethod,
    client_secret: clientSecret(id),
    confirmation_method: input.confirmationMethod,
    created: nowSeconds(),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    invoice: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: input.paymentMethodTypes,
    processing: null,
    receipt_email: input.receiptEmail,
    review: null,
    setup_future_usage: input.setupFutureUsage,
    shipping: null,
    source: null,
    statement_descriptor: input.statementDescriptor,
    statement_descriptor_suffix: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  }
  if (input.paymentMethod) {
    assertUsableBy(intent, input.paymentMethod)
  }
  store.paymentIntents.set(id, intent)
  store.recordPaymentIntentEvent("payment_intent.created", intent)
  return intent
}

export interface IntentChanges {
  amount?: number
  currency?: string
  customer?: string | null
  description?: string | null
  metadata?: Stripe.Metadata
  paymentMethod?: PaymentMethod
  captureMethod?: CaptureMethod
  setupFutureUsage?: PaymentIntent["setup_future_usage"]
  receiptEmail?: string | null
}

function assertUpdatable(intent: PaymentIntent, field: string): void {
  if (!UPDATABLE.includes(intent.status)) {
    throw unexpectedIntentState(
      intent,
      `This PaymentIntent's ${field} could not be updated because it has a status of ${intent.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE.join(", ")}.`
    )
  }
}

/**
 * Amount, currency and payment method can only change before the payment went through;
 * metadata and description can change at any time, as on Stripe.
 */
export function updateIntent(store: Store, intent: PaymentIntent, changes: IntentChanges): void {
  const guarded = {
    amount: changes.amount,
    currency: changes.currency,
    payment_method: changes.paymentMethod,
    capture_method: changes.captureMethod,
    customer: changes.customer,
  }
  for (const [field, value] of Object.entries(guarded)) {
    if (value !== undefined) {
      assertUpdatable(intent, field)
    }
  }
  const next = { ...intent }
  if (changes.amount !== undefined) {
    next.amount = changes.amount
  }
  if (changes.currency !== undefined) {
    next.currency = changes.currency
  }
  if (changes.customer !== undefined) {
    next.customer = changes.customer
  }
  if (changes.description !== undefined) {
    next.description = changes.description
  }
  if (changes.metadata !== undefined) {
    next.metadata = changes.metadata
  }
  if (changes.captureMethod !== undefined) {
    next.capture_method = changes.captureMethod
  }
  if (changes.setupFutureUsage !== undefined) {
    next.setup_future_usage = changes.setupFutureUsage
  }
  if (changes.receiptEmail !== undefined) {
    next.receipt_email = changes.receiptEmail
  }
  if (changes.paymentMethod) {
    assertUsableBy(next, changes.paymentMethod)
    next.payment_method = changes.paymentMethod.id
  }
  assertChargeableAmount(next.amount, next.currency)
  // Changing what will be charged invalidates a pending authentication.
  const changesPayment = changes.amount !== undefined || changes.paymentMethod !== undefined
  if (next.payment_method && changesPayment && next.status !== "requires_confirmation") {
    next.status = "requires_confirmation"
    next.next_action = null
  }
  Object.assign(intent, next)
}

/**
 * Runs a payment attempt with the intent's PaymentMethod. A declined card throws the 402
 * card error after the intent has been moved back to requires_payment_method, which is
 * what Stripe's API answers and what Medusa's provider reads `raw.payment_intent` from.
 */
export function confirmIntent(
  store: Store,
  intent: PaymentIntent,
  options: { offSession?: boolean } = {}
): void {
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedIntentState(
      intent,
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`
    )
  }
  if (!intent.payment_method) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      param: "payment_method",
      message:
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      payment_intent: structuredClone(intent),
    })
  }
  const method = store.paymentMethod(intent.payment_method, "payment_method")
  const outcome = cardOf(store, method).outcome
  if (outcome.kind === "decline") {
    decline(store, intent, method, outcome)
  }
  if (outcome.kind === "authenticate") {
    if (options.offSession) {
      // Nobody is there to authenticate: Stripe declines instead of asking.
      decline(store, intent, method, {
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      })
    }
    requireAction(store, intent)
    return
  }
  authorize(store, intent, method, intent.capture_method !== "manual")
}

function requireAction(store: Store, intent: PaymentIntent): void {
  intent.status = "requires_action"
  intent.last_payment_error = null
  intent.next_action = {
    type: "use_stripe_sdk",
    use_stripe_sdk: {
      type: "three_d_secure_redirect",
      // Where a developer (or the CLI user) can complete the challenge: see server.ts.
      stripe_js: `${store.baseUrl}/_fake/payment_intents/${intent.id}/authenticate`,
      source: newId("src"),
    },
  }
  store.recordPaymentIntentEvent("payment_intent.requires_action", intent)
}

/** The payment went through: an authorised (and maybe captured) charge. */
function authorize(
  store: Store,
  intent: PaymentIntent,
  method: PaymentMethod,
  capture: boolean
): void {
  const charge = createSuccessfulCharge(store, intent, method, capture)
  intent.latest_charge = charge.id
  intent.last_payment_error = null
  intent.next_action = null
  intent.payment_method = method.id
  // Stripe saves the card on the customer once a payment with setup_future_usage succeeds.
  if (intent.setup_future_usage && intent.customer && !method.customer) {
    method.customer = intent.customer
  }
  store.recordChargeEvent("charge.succeeded", charge)
  if (capture) {
    intent.status = "succeeded"
    intent.amount_received = intent.amount
    intent.amount_capturable = 0
    store.recordPaymentIntentEvent("payment_intent.succeeded", intent)
  } else {
    intent.status = "requires_capture"
    intent.amount_capturable = intent.amount
    store.recordPaymentIntentEvent("payment_intent.amount_capturable_updated", intent)
  }
}

function decline(
  store: Store,
  intent: PaymentIntent,
  method: PaymentMethod,
  reason: Decline
): never {
  const charge = createFailedCharge(store, intent, method, reason)
  intent.latest_charge = charge.id
  intent.status = "requires_payment_method"
  intent.next_action = null
  // Stripe detaches the failed PaymentMethod from the intent and reports it in the error.
  intent.payment_method = null
  intent.last_payment_error = {
    type: "card_error",
    code: reason.code,
    decline_code: reason.declineCode,
    doc_url: docUrl(reason.code),
    message: reason.message,
    charge: charge.id,
    payment_method: structuredClone(method),
  }
  store.recordChargeEvent("charge.failed", charge)
  store.recordPaymentIntentEvent("payment_intent.payment_failed", intent)
  throw new StripeApiError(402, {
    type: "card_error",
    code: reason.code,
    decline_code: reason.declineCode,
    message: reason.message,
    charge: charge.id,
    payment_intent: structuredClone(intent),
    payment_method: structuredClone(method),
  })
}

/** The customer passed or failed the 3-D Secure challenge of a requires_action intent. */
export function authenticateIntent(
  store: Store,
  intent: PaymentIntent,
  outcome: AuthenticationOutcome
): void {
  if (intent.status !== "requires_action" || !intent.payment_method) {
    throw unexpectedIntentState(
      intent,
      `This PaymentIntent is not waiting for authentication: it has a status of ${intent.status}. Only a PaymentIntent with a status of requires_action can be authenticated.`
    )
  }
  const method = store.paymentMethod(intent.payment_method, "payment_method")
  if (outcome === "succeed") {
    authorize(store, intent, method, intent.capture_method !== "manual")
    return
  }
  intent.status = "requires_payment_method"
  intent.next_action = null
  intent.payment_method = null
  intent.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: docUrl("payment_intent_authentication_failure"),
    message:
      "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    payment_method: structuredClone(method),
  }
  store.recordPaymentIntentEvent("payment_intent.payment_failed", intent)
}

export function captureIntent(store: Store, intent: PaymentIntent, amountToCapture?: number): void {
  if (intent.status !== "requires_capture" || !intent.latest_charge) {
    throw unexpectedIntentState(
      intent,
      `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`
    )
  }
  const amount = amountToCapture ?? intent.amount_capturable
  if (amount > intent.amount_capturable) {
    throw invalidRequest(
      `The amount to capture (${formatAmount(amount, intent.currency)}) is greater than the amount capturable (${formatAmount(intent.amount_capturable, intent.currency)}).`,
      { code: "amount_too_large", param: "amount_to_capture" }
    )
  }
  const charge = store.charge(intent.latest_charge)
  charge.captured = true
  charge.amount_captured = amount
  intent.status = "succeeded"
  intent.amount_received = amount
  intent.amount_capturable = 0
  store.recordChargeEvent("charge.captured", charge)
  store.recordPaymentIntentEvent("payment_intent.succeeded", intent)
}

export function cancelIntent(
  store: Store,
  intent: PaymentIntent,
  reason: Stripe.PaymentIntent.CancellationReason | null
): void {
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedIntentState(
      intent,
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`
    )
  }
  if (intent.status === "requires_capture" && intent.latest_charge) {
    // Canceling releases the authorisation; Stripe shows it as a refund of the whole charge.
    const charge = store.charge(intent.latest_charge)
    charge.amount_refunded = charge.amount
    charge.refunded = true
  }
  intent.status = "canceled"
  intent.canceled_at = nowSeconds()
  intent.cancellation_reason = reason
  intent.amount_capturable = 0
  intent.next_action = null
  store.recordPaymentIntentEvent("payment_intent.canceled", intent)
}

/**
 * The intent succeeds at Stripe without the engine asking (the customer finished paying in
 * another tab, the engine crashed before hearing back...): what reconciliation must catch.
 * The card's own behaviour is ignored; a visa is used when the intent has no card yet.
 */
export function succeedOutOfBand(store: Store, intent: PaymentIntent): void {
  if (intent.status === "requires_capture") {
    captureIntent(store, intent)
    return
  }
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedIntentState(
      intent,
      `This PaymentIntent cannot succeed because it has a status of ${intent.status}.`
    )
  }
  const method = intent.payment_method
    ? store.paymentMethod(intent.payment_method)
    : createCardPaymentMethod(store, testCard("visa"))
  authorize(store, intent, method, true)
}
