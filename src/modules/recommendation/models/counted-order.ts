import { model } from "@medusajs/framework/utils"

/**
 * One row per order the recommendations have seen: which distinct products it held when
 * it was counted and whether it counts now. The row is the idempotency record of the
 * pair counts: an order is added to them only on its move from not counted to counted,
 * and taken out only on the move back (docs/RECOMMENDATIONS.md), so a redelivered event
 * or a second refresh of the same order changes nothing.
 */
export const RecommendationOrder = model
  .define("recommendation_order", {
    id: model.id({ prefix: "rcord" }).primaryKey(),
    order_id: model.text(),
    customer_id: model.text().nullable(),
    /** The order's distinct product ids, sorted, as they were counted. */
    product_ids: model.array(),
    counted: model.boolean().default(false),
    /** Whether its pairs were counted (orders with very many products count for popularity only). */
    paired: model.boolean().default(false),
  })
  .indexes([{ on: ["order_id"], unique: true }])
