import { model } from "@medusajs/framework/utils"
import { ORDER_STATUSES } from "./order-lifecycle"

export const STATUS_ACTOR_TYPES = ["customer", "admin", "system"] as const

/**
 * One entry of an order's status history: who moved it from what to what, when, and why.
 * Append-only; the first entry of an order has no `from_status`.
 */
export const OrderStatusChange = model
  .define("order_status_change", {
    id: model.id({ prefix: "osc" }).primaryKey(),
    order_id: model.text(),
    from_status: model.enum([...ORDER_STATUSES]).nullable(),
    to_status: model.enum([...ORDER_STATUSES]),
    actor_type: model.enum([...STATUS_ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["order_id", "created_at"] }])
