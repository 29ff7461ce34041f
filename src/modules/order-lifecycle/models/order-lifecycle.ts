import { model } from "@medusajs/framework/utils"

export const ORDER_STATUSES = [
  "pending",
  "paid",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const

/**
 * The spec's status of one Medusa order, beside Medusa's own order, payment and
 * fulfillment states (docs/ORDERS.md maps them). One row per order, joined to it by a
 * read-only link on `order_id`. `customer_id` is copied from the order so "my orders" and
 * the admin's `user_id`/`status` filters are one indexed read. `hold_expires_at` is when an
 * unpaid order's stock reservation lapses (the expiry job cancels it).
 */
export const OrderLifecycle = model
  .define("order_lifecycle", {
    id: model.id({ prefix: "olc" }).primaryKey(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    status: model.enum([...ORDER_STATUSES]).default("pending"),
    hold_expires_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["customer_id", "created_at"] },
    { on: ["status", "created_at"] },
    // Payment reconciliation: the orders cancelled lately (src/tasks/payment/reconcile.ts).
    { on: ["status", "updated_at"] },
    { on: ["hold_expires_at"], where: "status = 'pending' AND deleted_at IS NULL" },
  ])
