/** /v1/setup_intents. */
import { invalidParam } from "../errors"
import {
  metadataParam,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  stringList,
  type Params,
} from "../params"
import { paymentMethodFromParams, usePaymentMethod } from "../payment-methods"
import { confirmSetupIntent, createSetupIntent, setSetupPaymentMethod } from "../setup-intents"
import type { PaymentMethod, SetupIntent, Store } from "../store"
import { expand, route, type Route } from "./router"

const EXPANDABLE = ["payment_method", "customer"] as const
const IGNORED = [
  "payment_method_options",
  "payment_method_configuration",
  "automatic_payment_methods",
  "mandate_data",
  "return_url",
  "use_stripe_sdk",
  "flow_directions",
  "attach_to_self",
] as const

function render(store: Store, intent: SetupIntent, params: Params): unknown {
  return expand(intent, params, {
    payment_method: (id) => store.paymentMethods.get(id) ?? id,
    customer: (id) => store.customers.get(id) ?? id,
  })
}

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

export const setupIntentRoutes: Route[] = [
  route(
    "POST",
    "/v1/setup_intents",
    [
      "customer",
      "payment_method",
      "payment_method_data",
      "payment_method_types",
      "confirm",
      "usage",
      "metadata",
      "description",
      "expand",
      ...IGNORED,
    ],
    (store, call) => {
      const confirm = optionalBoolean(call.params, "confirm") ?? false
      const usage = optionalEnum(call.params, "usage", ["off_session", "on_session"] as const)
      const metadata = metadataParam(call.params) ?? {}
      const description = nullableString(call.params, "description") ?? null
      const types = stringList(call.params, "payment_method_types") ?? ["card"]
      const customerId = optionalString(call.params, "customer")
      const customer = customerId ? store.customer(customerId, "customer").id : null
      const intent = createSetupIntent(store, {
        customer,
        description,
        metadata,
        paymentMethod: paymentMethodParam(store, call.params) ?? null,
        paymentMethodTypes: types,
        usage: usage ?? "off_session",
      })
      if (confirm) {
        confirmSetupIntent(store, intent)
      }
      return render(store, intent, call.params)
    },
    EXPANDABLE
  ),
  route(
    "GET",
    "/v1/setup_intents/:id",
    ["expand", "client_secret"],
    (store, call) => render(store, store.setupIntent(call.id), call.params),
    EXPANDABLE
  ),
  route(
    "POST",
    "/v1/setup_intents/:id/confirm",
    ["payment_method", "payment_method_data", "expand", ...IGNORED],
    (store, call) => {
      const intent = store.setupIntent(call.id)
      const method = paymentMethodParam(store, call.params)
      if (method) {
        setSetupPaymentMethod(intent, method)
      }
      confirmSetupIntent(store, intent)
      return render(store, intent, call.params)
    },
    EXPANDABLE
  ),
]
