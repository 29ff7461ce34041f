/** /v1/refunds and /v1/charges. */
import { invalidParam } from "../errors"
import { metadataParam, optionalEnum, optionalString, positiveInteger } from "../params"
import { createRefund } from "../refunds"
import { LIST_PARAMS, expand, listOf, newestFirst, route, type Route } from "./router"

const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const

export const refundRoutes: Route[] = [
  route(
    "POST",
    "/v1/refunds",
    [
      "payment_intent",
      "charge",
      "amount",
      "reason",
      "metadata",
      "expand",
      "instructions_email",
      "refund_application_fee",
      "reverse_transfer",
    ],
    (store, call) => {
      const paymentIntent = optionalString(call.params, "payment_intent")
      const charge = optionalString(call.params, "charge")
      if (!paymentIntent && !charge) {
        throw invalidParam(
          "One of the following params should be provided for this request: payment_intent or charge.",
          "payment_intent",
          "parameter_missing"
        )
      }
      const amount = positiveInteger(call.params, "amount")
      const reason = optionalEnum(call.params, "reason", REFUND_REASONS) ?? null
      const metadata = metadataParam(call.params) ?? {}
      const refund = createRefund(store, { paymentIntent, charge, amount, reason, metadata })
      return expand(refund, call.params, {
        charge: (id) => store.charges.get(id) ?? id,
        payment_intent: (id) => store.paymentIntents.get(id) ?? id,
      })
    },
    ["charge", "payment_intent"]
  ),
  route(
    "GET",
    "/v1/refunds/:id",
    ["expand"],
    (store, call) =>
      expand(store.refund(call.id), call.params, {
        charge: (id) => store.charges.get(id) ?? id,
        payment_intent: (id) => store.paymentIntents.get(id) ?? id,
      }),
    ["charge", "payment_intent"]
  ),
  route(
    "GET",
    "/v1/refunds",
    [...LIST_PARAMS, "charge", "payment_intent", "created"],
    (store, call) => {
      const charge = optionalString(call.params, "charge")
      const intent = optionalString(call.params, "payment_intent")
      const refunds = newestFirst(store.refunds.values()).filter(
        (refund) =>
          (!charge || refund.charge === charge) && (!intent || refund.payment_intent === intent)
      )
      return listOf(refunds, call.path, call.params)
    }
  ),
  route(
    "GET",
    "/v1/charges/:id",
    ["expand"],
    (store, call) =>
      expand(store.charge(call.id), call.params, {
        payment_intent: (id) => store.paymentIntents.get(id) ?? id,
        payment_method: (id) => store.paymentMethods.get(id) ?? id,
      }),
    ["payment_intent", "payment_method"]
  ),
  route(
    "GET",
    "/v1/charges",
    [...LIST_PARAMS, "payment_intent", "customer", "created"],
    (store, call) => {
      const intent = optionalString(call.params, "payment_intent")
      const customer = optionalString(call.params, "customer")
      const charges = newestFirst(store.charges.values()).filter(
        (charge) =>
          (!intent || charge.payment_intent === intent) &&
          (!customer || charge.customer === customer)
      )
      return listOf(charges, call.path, call.params)
    }
  ),
]
