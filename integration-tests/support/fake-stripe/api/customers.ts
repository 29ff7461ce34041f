/** /v1/customers and /v1/payment_methods. */
import {
  createCustomer,
  deleteCustomer,
  deletedStub,
  updateCustomer,
  type CustomerFields,
} from "../customers"
import { invalidParam, resourceMissing } from "../errors"
import {
  addressParam,
  assertKnownParams,
  metadataParam,
  mergeMetadata,
  nullableString,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
  type Params,
} from "../params"
import {
  attachPaymentMethod,
  detachPaymentMethod,
  paymentMethodFromParams,
  paymentMethodsOf,
  retrievePaymentMethod,
} from "../payment-methods"
import type { Customer, PaymentMethod, Store } from "../store"
import { LIST_PARAMS, listOf, newestFirst, route, type Route } from "./router"

const CUSTOMER_PARAMS = [
  "email",
  "name",
  "phone",
  "description",
  "address",
  "metadata",
  "payment_method",
  "invoice_settings",
  "preferred_locales",
  "expand",
  // Accepted for compatibility, not kept: the fake has no shipping or tax features.
  "shipping",
  "tax_exempt",
] as const

function customerFields(store: Store, params: Params, current?: Customer): CustomerFields {
  const invoiceSettings = optionalObject(params, "invoice_settings")
  let defaultPaymentMethod: string | null | undefined
  if (invoiceSettings) {
    assertKnownParams(
      invoiceSettings,
      ["default_payment_method", "custom_fields", "footer", "rendering_options"],
      "invoice_settings"
    )
    defaultPaymentMethod = nullableString(invoiceSettings, "default_payment_method")
    if (defaultPaymentMethod) {
      store.paymentMethod(defaultPaymentMethod, "invoice_settings[default_payment_method]")
    }
  }
  const metadata = metadataParam(params)
  return {
    email: nullableString(params, "email"),
    name: nullableString(params, "name"),
    phone: nullableString(params, "phone"),
    description: nullableString(params, "description"),
    address: addressParam(params, "address"),
    metadata: current ? mergeMetadata(current.metadata, metadata) : (metadata ?? undefined),
    defaultPaymentMethod,
  }
}

function listPaymentMethods(
  store: Store,
  customerId: string,
  params: Params,
  url: string
): unknown {
  const type = optionalEnum(params, "type", ["card"])
  const methods = newestFirst(paymentMethodsOf(store, customerId)).filter(
    (method) => !type || method.type === type
  )
  return listOf<PaymentMethod>(methods, url, params)
}

export const customerRoutes: Route[] = [
  route("POST", "/v1/customers", CUSTOMER_PARAMS, (store, call) => {
    const fields = customerFields(store, call.params)
    const paymentMethod = optionalString(call.params, "payment_method")
    const customer = createCustomer(store, fields)
    if (paymentMethod) {
      attachPaymentMethod(store, paymentMethod, customer.id)
    }
    return customer
  }),
  route("GET", "/v1/customers", [...LIST_PARAMS, "email", "created"], (store, call) => {
    const email = optionalString(call.params, "email")
    const customers = newestFirst(store.customers.values()).filter(
      (customer) => !email || customer.email === email
    )
    return listOf(customers, call.path, call.params)
  }),
  // A deleted customer is retrieved as a stub, and is "missing" for everything else.
  route("GET", "/v1/customers/:id", ["expand"], (store, call) => {
    if (store.deletedCustomers.has(call.id)) {
      return deletedStub(call.id)
    }
    return store.customer(call.id)
  }),
  route("POST", "/v1/customers/:id", CUSTOMER_PARAMS, (store, call) => {
    const customer = store.customer(call.id)
    const fields = customerFields(store, call.params, customer)
    updateCustomer(store, customer, fields)
    return customer
  }),
  route("DELETE", "/v1/customers/:id", [], (store, call) =>
    deleteCustomer(store, store.customer(call.id))
  ),
  route(
    "GET",
    "/v1/customers/:id/payment_methods",
    [...LIST_PARAMS, "type", "allow_redisplay"],
    (store, call) => listPaymentMethods(store, store.customer(call.id).id, call.params, call.path)
  ),

  route(
    "POST",
    "/v1/payment_methods",
    ["type", "card", "billing_details", "metadata", "allow_redisplay", "customer", "expand"],
    (store, call) => {
      if (call.params.customer !== undefined) {
        // On Stripe `customer` here is only for Connect cloning; attach is the way to save.
        throw invalidParam(
          "Use POST /v1/payment_methods/:id/attach to attach a PaymentMethod to a customer.",
          "customer"
        )
      }
      return paymentMethodFromParams(store, call.params)
    }
  ),
  route("GET", "/v1/payment_methods", [...LIST_PARAMS, "customer", "type"], (store, call) => {
    const customer = requiredString(call.params, "customer")
    if (!store.customers.has(customer)) {
      throw resourceMissing("customer", customer, "customer")
    }
    return listPaymentMethods(store, customer, call.params, call.path)
  }),
  route("GET", "/v1/payment_methods/:id", ["expand"], (store, call) =>
    retrievePaymentMethod(store, call.id)
  ),
  route("POST", "/v1/payment_methods/:id", ["metadata", "expand"], (store, call) => {
    const method = store.paymentMethod(call.id)
    method.metadata = mergeMetadata(method.metadata ?? {}, metadataParam(call.params))
    return method
  }),
  route("POST", "/v1/payment_methods/:id/attach", ["customer", "expand"], (store, call) =>
    attachPaymentMethod(store, call.id, requiredString(call.params, "customer"))
  ),
  route("POST", "/v1/payment_methods/:id/detach", ["expand"], (store, call) =>
    detachPaymentMethod(store, call.id)
  ),
]
