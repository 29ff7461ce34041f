import { model } from "@medusajs/framework/utils"

/** What became of an attempt to pay, in the spec's words (Stripe's intent statuses). */
export const ATTEMPT_STATUSES = [
  "pending",
  "requires_action",
  "succeeded",
  "failed",
  "canceled",
] as const

/**
 * One attempt to pay an order: a Medusa payment session (a Stripe PaymentIntent) and who
 * owns it. Its id is the API's payment id. Medusa replaces a failed session when the
 * customer tries again, so the row keeps the history (status, decline reason) that the
 * session loses; captured and refunded amounts are read from Medusa's payment
 * (`payment_id`) when shown.
 */
export const PaymentAttempt = model
  .define("payment_attempt", {
    id: model.id({ prefix: "payatt" }).primaryKey(),
    session_id: model.text().unique(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    payment_collection_id: model.text(),
    provider_id: model.text(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    status: model.enum([...ATTEMPT_STATUSES]).default("pending"),
    /** Medusa's payment, once the session was authorized. */
    payment_id: model.text().nullable(),
    /** Stripe's PaymentIntent id (pi_…), null for the system provider. */
    provider_reference: model.text().nullable(),
    failure_code: model.text().nullable(),
    failure_message: model.text().nullable(),
  })
  .indexes([
    { on: ["customer_id", "created_at"] },
    { on: ["order_id"] },
    // Payment reconciliation reads the attempts that moved lately (tasks/payment/reconcile.ts).
    { on: ["updated_at"] },
  ])
