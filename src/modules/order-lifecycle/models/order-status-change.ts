import { model } from "@medusajs/framework/utils"
import { ORDER_STATUSES } from "./order-lifecycle"

export const STATUS_ACTOR_TYPES = ["customer", "admin", "system"] as const

/**
 * One entry of an order's status history: who moved it from what to what, when, and why.
 * Append-only; the first entry of an order has no `from_status`.
 *
 * `seq` numbers the entries of all orders in the order they were committed (the module
 * inserts them under one advisory lock, see service.ts): it is the `id:` of the live order
 * stream (docs/LIVE-UPDATES.md), so a client resuming after entry N reads `seq > N` and
 * misses nothing.
 */
export const OrderStatusChange = model
  .define("order_status_change", {
    id: model.id({ prefix: "osc" }).primaryKey(),
    seq: model.autoincrement(),
    order_id: model.text(),
    from_status: model.enum([...ORDER_STATUSES]).nullable(),
    to_status: model.enum([...ORDER_STATUSES]),
    actor_type: model.enum([...STATUS_ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["order_id", "created_at"] }, { on: ["seq"] }])
