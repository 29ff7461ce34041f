import { model } from "@medusajs/framework/utils"

/**
 * How many counted orders held both `product_id` and `other_id`. Stored in both
 * directions, so one product's partners are one index range; the migration adds the
 * index the reads use: (product_id, orders desc, other_id).
 */
export const RecommendationPair = model
  .define("recommendation_pair", {
    id: model.id({ prefix: "rcpair" }).primaryKey(),
    product_id: model.text(),
    other_id: model.text(),
    orders: model.number(),
  })
  .indexes([{ on: ["product_id", "other_id"], unique: true }])
