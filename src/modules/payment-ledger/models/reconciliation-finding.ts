import { model } from "@medusajs/framework/utils"

export const FINDING_KINDS = [
  /** Medusa's payment is captured but the engine's order is still pending. */
  "captured_without_paid_order",
  /** Stripe's intent succeeded but Medusa never recorded the payment. */
  "succeeded_intent_pending_order",
  /** Money was taken for an order that is cancelled. */
  "captured_on_cancelled_order",
  /** Stripe refunded more than Medusa recorded (a refund made in Stripe's dashboard). */
  "refund_outside_engine",
] as const

export const FINDING_RESOLUTIONS = ["fixed", "needs_attention"] as const

/**
 * A payment/order inconsistency found by the reconciliation job, with what was done:
 * `fixed` (the job made it right) or `needs_attention` (logged for a person). One row per
 * kind and order: a later run that finds it again updates `last_seen_at`.
 */
export const ReconciliationFinding = model
  .define("reconciliation_finding", {
    id: model.id({ prefix: "recf" }).primaryKey(),
    kind: model.enum([...FINDING_KINDS]),
    order_id: model.text(),
    attempt_id: model.text().nullable(),
    resolution: model.enum([...FINDING_RESOLUTIONS]),
    detail: model.text(),
    last_seen_at: model.dateTime(),
  })
  .indexes([{ on: ["kind", "order_id"], unique: true }, { on: ["created_at"] }])
