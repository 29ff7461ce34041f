/**
 * The JSON shapes the fake answers with. They follow Stripe's API version 2024-04-10 (the
 * version stripe@15 pins) field for field for everything the engine and Medusa's provider
 * read; fields that only matter to features the fake does not have (Connect, invoices,
 * wallets...) are left out rather than filled with made-up values.
 */
export type Metadata = Record<string, string>

export interface Address {
  city: string | null
  country: string | null
  line1: string | null
  line2: string | null
  postal_code: string | null
  state: string | null
}

export interface BillingDetails {
  address: Address
  email: string | null
  name: string | null
  phone: string | null
}

export interface CardDetails {
  brand: string
  country: string
  exp_month: number
  exp_year: number
  fingerprint: string
  funding: string
  last4: string
}

export interface PaymentMethod {
  id: string
  object: "payment_method"
  billing_details: BillingDetails
  card: CardDetails
  created: number
  customer: string | null
  livemode: false
  metadata: Metadata
  type: "card"
}

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded"

export type CaptureMethod = "automatic" | "automatic_async" | "manual"

export interface NextAction {
  type: "use_stripe_sdk"
  use_stripe_sdk: { type: "three_d_secure_redirect"; stripe_js: string; source: string }
}

/** `last_payment_error` / `last_setup_error`: the error object of the failed attempt. */
export interface PaymentError {
  type: "card_error" | "invalid_request_error"
  code: string
  decline_code?: string
  doc_url: string
  message: string
  charge?: string
  payment_method: PaymentMethod | null
}

export interface PaymentIntent {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_received: number
  automatic_payment_methods: { enabled: boolean; allow_redirects?: string } | null
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: CaptureMethod
  client_secret: string
  confirmation_method: "automatic" | "manual"
  created: number
  currency: string
  customer: string | null
  description: string | null
  last_payment_error: PaymentError | null
  latest_charge: string | null
  livemode: false
  metadata: Metadata
  next_action: NextAction | null
  payment_method: string | null
  payment_method_types: string[]
  receipt_email: string | null
  setup_future_usage: "off_session" | "on_session" | null
  statement_descriptor: string | null
  status: PaymentIntentStatus
}

export interface Charge {
  id: string
  object: "charge"
  amount: number
  amount_captured: number
  amount_refunded: number
  balance_transaction: null
  billing_details: BillingDetails
  captured: boolean
  created: number
  currency: string
  customer: string | null
  description: string | null
  failure_code: string | null
  failure_message: string | null
  livemode: false
  metadata: Metadata
  outcome: {
    network_status: "approved_by_network" | "declined_by_network"
    reason: string | null
    seller_message: string
    type: "authorized" | "issuer_declined"
  }
  paid: boolean
  payment_intent: string
  payment_method: string
  payment_method_details: {
    type: "card"
    card: Pick<CardDetails, "brand" | "country" | "exp_month" | "exp_year" | "funding" | "last4">
  }
  refunded: boolean
  status: "succeeded" | "failed"
}

export interface Refund {
  id: string
  object: "refund"
  amount: number
  balance_transaction: null
  charge: string
  created: number
  currency: string
  metadata: Metadata
  payment_intent: string | null
  reason: string | null
  status: "succeeded"
}

export interface Customer {
  id: string
  object: "customer"
  address: Address | null
  balance: number
  created: number
  currency: string | null
  default_source: null
  delinquent: boolean
  description: string | null
  email: string | null
  invoice_settings: { default_payment_method: string | null }
  livemode: false
  metadata: Metadata
  name: string | null
  phone: string | null
  preferred_locales: string[]
  shipping: null
  tax_exempt: "none"
}

export interface DeletedCustomer {
  id: string
  object: "customer"
  deleted: true
}

export type SetupIntentStatus =
  "requires_payment_method" | "requires_confirmation" | "requires_action" | "canceled" | "succeeded"

export interface SetupIntent {
  id: string
  object: "setup_intent"
  cancellation_reason: string | null
  client_secret: string
  created: number
  customer: string | null
  description: string | null
  last_setup_error: PaymentError | null
  livemode: false
  metadata: Metadata
  next_action: NextAction | null
  payment_method: string | null
  payment_method_types: string[]
  status: SetupIntentStatus
  usage: "off_session" | "on_session"
}

export type StripeObject = PaymentIntent | Charge | Refund | Customer | PaymentMethod | SetupIntent

export type EventType =
  | "payment_intent.created"
  | "payment_intent.requires_action"
  | "payment_intent.amount_capturable_updated"
  | "payment_intent.succeeded"
  | "payment_intent.payment_failed"
  | "payment_intent.canceled"
  | "charge.succeeded"
  | "charge.failed"
  | "charge.captured"
  | "charge.refunded"
  | "setup_intent.requires_action"
  | "setup_intent.setup_failed"
  | "setup_intent.succeeded"

export interface StripeEvent {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: StripeObject }
  livemode: false
  pending_webhooks: number
  /** The API request that caused the event; both null for changes made outside the API. */
  request: { id: string | null; idempotency_key: string | null }
  type: EventType
}

export interface ListObject<T> {
  object: "list"
  data: T[]
  has_more: boolean
  url: string
}
