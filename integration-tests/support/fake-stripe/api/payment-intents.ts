/** /v1/payment_intents: parameter parsing in front of the transitions in ../payment-intents. */
import type Stripe from "stripe"
import { invalidParam } from "../errors"
import {
  assertChargeableAmount,
  cancelIntent,
  captureIntent,
  confirmIntent,
  createIntent,
  updateIntent,
  type IntentChanges,
} from "../payment-intents"
import {
  metadataParam,
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  positiveInteger,
  stringList,
  type Params,
} from "../params"
import { paymentMethodFromParams, usePaymentMethod } from "../payment-methods"
import type { PaymentIntent, PaymentMethod, Store } from "../store"
import { expand, LIST_PARAMS, listOf, newestFirst, route, type Route } from "./router"

const EXPANDABLE = ["payment_method", "latest_charge", "customer"] as const
const CAPTURE_METHODS: Stripe.PaymentIntent.CaptureMethod[] = [
  "automatic",
  "automatic_async",
  "manual",
]
const FUTURE_USAGES = ["off_session", "on_session"] as const
const ALLOW_REDIRECTS = ["always", "never"] as const
const CANCELLATION_REASONS = [
  "duplicate",
  "fraudulent",
  "requested_by_customer",
  "abandoned",
] as const satisfies readonly Stripe.PaymentIntentCancelParams.CancellationReason[]

// Accepted so that calls made against real Stripe work unchanged; the fake has no behaviour
// for them (one account, cards only).
const IGNORED = [
  "payment_method_options",
  "payment_method_configuration",
  "shipping",
  "statement_descriptor_suffix",
  "mandate_data",
  "use_stripe_sdk",
  "error_on_requires_action",
  "return_url",
  "shared_payment_token",
  "radar_options",
] as const

function render(store: Store, intent: PaymentIntent, params: Params): unknown {
  return expand(intent, params, {
    payment_method: (id) => store.paymentMethods.get(id) ?? id,
    latest_charge: (id) => store.charges.get(id) ?? id,
    customer: (id) => store.customers.get(id) ?? id,
  })
}

function currencyParam(params: Params): string | undefined {
  const currency = optionalString(params, "currency")?.toLowerCase()
  if (currency !== undefined && !/^[a-z]{3}$/.test(currency)) {
    throw invalidParam(`Invalid currency: ${currency}.`, "currency")
  }
  return currency
}

function futureUsageParam(params: Params): PaymentIntent["setup_future_usage"] | undefined {
  if (params.setup_future_usage === "") {
    return null
  }
  return optionalEnum(params, "setup_future_usage", FUTURE_USAGES)
}

/** `off_session` is a boolean or, for Stripe's mandates, "one_off" / "recurring". */
function offSessionParam(params: Params): boolean {
  const value = optionalString(params, "off_session")
  if (value === "one_off" || value === "recurring") {
    return true
  }
  return optionalBoolean(params, "off_session") ?? false
}

/** `payment_method` or `payment_method_data`, never both; resolved only after validation. */
function paymentMethodParam(store: Store, params: Params): PaymentMethod | undefined {
  const id = optionalString(params, "payment_method")
  const data = optionalObject(params, "payment_method_data")
  if (id && data) {
    throw invalidParam(
      "You cannot provide both payment_method and payment_method_data.",
      "payment_method_data"
    )
  }
  if (data) {
    return paymentMethodFromParams(store, data, "payment_method_data")
  }
  return id ? usePaymentMethod(store, id, "payment_method") : undefined
}

const CREATE_PARAMS = [
  "amount",
  "currency",
  "customer",
  "description",
  "metadata",
  "capture_method",
  "confirm",
  "confirmation_method",
  "payment_method",
  "payment_method_data",
  "payment_method_types",
  "automatic_payment_methods",
  "setup_future_usage",
  "off_session",
  "receipt_email",
  "statement_descriptor",
  "expand",
  ...IGNORED,
]

function create(store: Store, params: Params): unknown {
  const amount = positiveInteger(params, "amount")
  if (amount === undefined) {
    throw invalidParam("Missing required param: amount.", "amount", "parameter_missing")
  }
  const currency = currencyParam(params)
  if (!currency) {
    throw invalidParam("Missing required param: currency.", "currency", "parameter_missing")
  }
  assertChargeableAmount(amount, currency)
  const types = stringList(params, "payment_method_types")
  const automatic = optionalObject(params, "automatic_payment_methods")
  if (types && automatic) {
    throw invalidParam(
      "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
      "automatic_payment_methods"
    )
  }
  const confirm = optionalBoolean(params, "confirm") ?? false
  const offSession = offSessionParam(params)
  const captureMethod = optionalEnum(params, "capture_method", CAPTURE_METHODS) ?? "automatic"
  const setupFutureUsage = futureUsageParam(params) ?? null
  const description = nullableString(params, "description") ?? null
  const metadata = metadataParam(params) ?? {}
  const confirmationMethod =
    optionalEnum(params, "confirmation_method", ["automatic", "manual"] as const) ?? "automatic"
  const customerId = optionalString(params, "customer")
  const customer = customerId ? store.customer(customerId, "customer").id : null
  const paymentMethod = paymentMethodParam(store, params) ?? null

  const intent = createIntent(store, {
    amount,
    currency,
    customer,
    description,
    metadata,
    captureMethod,
    confirmationMethod,
    setupFutureUsage,
    paymentMethod,
    // Since API version 2023-08-16 automatic payment methods are on unless types are given.
    paymentMethodTypes: types ?? ["card"],
    automaticPaymentMethods: types
      ? null
      : {
          enabled: optionalString(automatic ?? {}, "enabled") !== "false",
          ...(automatic?.allow_redirects
            ? { allow_redirects: optionalEnum(automatic, "allow_redirects", ALLOW_REDIRECTS) }
            : {}),
        },
    receiptEmail: nullableString(params, "receipt_email") ?? null,
    statementDescriptor: nullableString(params, "statement_descriptor") ?? null,
  })
  if (confirm) {
    confirmIntent(store, intent, { offSession })
  }
  return render(store, intent, params)
}

function update(store: Store, intent: PaymentIntent, params: Params): unknown {
  const amount = positiveInteger(params, "amount")
  const currency = currencyParam(params)
  const changes: IntentChanges = {
    amount,
    currency,
    description: nullableString(params, "description"),
    metadata: mergeMetadata(intent.metadata, metadataParam(params)),
    captureMethod: optionalEnum(params, "capture_method", CAPTURE_METHODS),
    setupFutureUsage: futureUsageParam(params),
    receiptEmail: nullableString(params, "receipt_email"),
  }
  const customerId = nullableString(params, "customer")
  if (customerId !== undefined) {
    changes.customer = customerId && store.customer(customerId, "customer").id
  }
  changes.paymentMethod = paymentMethodParam(store, params)
  updateIntent(store, intent, changes)
  return render(store, intent, params)
}

function confirm(store: Store, intent: PaymentIntent, params: Params): unknown {
  const offSession = offSessionParam(params)
  const setupFutureUsage = futureUsageParam(params)
  const paymentMethod = paymentMethodParam(store, params)
  if (paymentMethod || setupFutureUsage !== undefined) {
    updateIntent(store, intent, { paymentMethod, setupFutureUsage })
  }
  confirmIntent(store, intent, { offSession })
  return render(store, intent, params)
}

export const paymentIntentRoutes: Route[] = [
  route(
    "POST",
    "/v1/payment_intents",
    CREATE_PARAMS,
    (store, call) => create(store, call.params),
    EXPANDABLE
  ),
  route("GET", "/v1/payment_intents", [...LIST_PARAMS, "customer", "created"], (store, call) => {
    const customer = optionalString(call.params, "customer")
    const intents = newestFirst(store.paymentIntents.values()).filter(
      (intent) => !customer || intent.customer === customer
    )
    return listOf(intents, call.path, call.params)
  }),
  route(
    "GET",
    "/v1/payment_intents/:id",
    ["expand", "client_secret"],
    (store, call) => render(store, store.paymentIntent(call.id), call.params),
    EXPANDABLE
  ),
  route(
    "POST",
    "/v1/payment_intents/:id",
    [
      "amount",
      "currency",
      "customer",
      "description",
      "metadata",
      "payment_method",
      "payment_method_data",
      "payment_method_types",
      "capture_method",
      "setup_future_usage",
      "receipt_email",
      "statement_descriptor",
      "expand",
      ...IGNORED,
    ],
    (store, call) => update(store, store.paymentIntent(call.id), call.params),
    EXPANDABLE
  ),
  route(
    "POST",
    "/v1/payment_intents/:id/confirm",
    [
      "payment_method",
      "payment_method_data",
      "payment_method_types",
      "off_session",
      "setup_future_usage",
      "receipt_email",
      "capture_method",
      "expand",
      ...IGNORED,
    ],
    (store, call) => confirm(store, store.paymentIntent(call.id), call.params),
    EXPANDABLE
  ),
  route(
    "POST",
    "/v1/payment_intents/:id/capture",
    ["amount_to_capture", "metadata", "statement_descriptor", "final_capture", "expand"],
    (store, call) => {
      const intent = store.paymentIntent(call.id)
      const amount = positiveInteger(call.params, "amount_to_capture")
      const metadata = metadataParam(call.params)
      captureIntent(store, intent, amount)
      intent.metadata = mergeMetadata(intent.metadata, metadata)
      return render(store, intent, call.params)
    },
    EXPANDABLE
  ),
  route(
    "POST",
    "/v1/payment_intents/:id/cancel",
    ["cancellation_reason", "expand"],
    (store, call) => {
      const intent = store.paymentIntent(call.id)
      const reason = optionalEnum(call.params, "cancellation_reason", CANCELLATION_REASONS)
      cancelIntent(store, intent, reason ?? null)
      return render(store, intent, call.params)
    },
    EXPANDABLE
  ),
]
