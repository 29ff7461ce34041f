/** Customers, whose saved PaymentMethods go with them when they are deleted. */
import type Stripe from "stripe"
import { invalidParam } from "./errors"
import { newId, nowSeconds } from "./ids"
import type { Customer, Store } from "./store"

export interface CustomerFields {
  email?: string | null
  name?: string | null
  phone?: string | null
  description?: string | null
  address?: Stripe.Address | null
  metadata?: Stripe.Metadata
  defaultPaymentMethod?: string | null
}

function assertEmail(email: string | null | undefined): void {
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw invalidParam(`Invalid email address: ${email}`, "email", "email_invalid")
  }
}

export function createCustomer(store: Store, fields: CustomerFields): Customer {
  assertEmail(fields.email)
  const customer: Customer = {
    id: newId("cus"),
    object: "customer",
    address: fields.address ?? null,
    balance: 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description ?? null,
    email: fields.email ?? null,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: fields.defaultPaymentMethod ?? null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata ?? {},
    name: fields.name ?? null,
    phone: fields.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
  }
  store.customers.set(customer.id, customer)
  return customer
}

export function updateCustomer(store: Store, customer: Customer, fields: CustomerFields): void {
  assertEmail(fields.email)
  if (fields.email !== undefined) {
    customer.email = fields.email
  }
  if (fields.name !== undefined) {
    customer.name = fields.name
  }
  if (fields.phone !== undefined) {
    customer.phone = fields.phone
  }
  if (fields.description !== undefined) {
    customer.description = fields.description
  }
  if (fields.address !== undefined) {
    customer.address = fields.address
  }
  if (fields.metadata !== undefined) {
    customer.metadata = fields.metadata
  }
  if (fields.defaultPaymentMethod !== undefined) {
    customer.invoice_settings.default_payment_method = fields.defaultPaymentMethod
  }
}

/** Deleting a customer detaches its PaymentMethods; retrieving it answers a stub. */
export function deleteCustomer(store: Store, customer: Customer): Stripe.DeletedCustomer {
  for (const method of store.paymentMethods.values()) {
    if (method.customer === customer.id) {
      method.customer = null
    }
  }
  store.customers.delete(customer.id)
  store.deletedCustomers.add(customer.id)
  return deletedStub(customer.id)
}

export function deletedStub(id: string): Stripe.DeletedCustomer {
  return { id, object: "customer", deleted: true }
}
