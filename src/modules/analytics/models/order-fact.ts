import { model } from "@medusajs/framework/utils"

/**
 * What one order contributes to the analytics, as it stands now: its status, money and
 * lines, copied from the order, payment and order-lifecycle modules by the refresh
 * workflow. The hourly rollups are recomputed from these rows, so a fact written twice
 * changes nothing (docs/ANALYTICS.md). `first_order` / `returning` are derived from the
 * customer's other facts by the service, never given by callers.
 */
export const AnalyticsOrderFact = model
  .define("analytics_order_fact", {
    id: model.id({ prefix: "aof" }).primaryKey(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    currency_code: model.text(),
    placed_at: model.dateTime(),
    status: model.text(),
    total: model.bigNumber(),
    refunded: model.bigNumber(),
    units: model.number(),
    /** [{product_id, quantity, revenue}] of the order's lines. */
    lines: model.json(),
    first_order: model.boolean().default(false),
    returning: model.boolean().default(false),
  })
  .indexes([
    { on: ["order_id"], unique: true },
    { on: ["customer_id", "placed_at"] },
    { on: ["currency_code", "placed_at"] },
  ])
