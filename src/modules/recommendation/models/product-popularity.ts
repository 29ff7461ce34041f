import { model } from "@medusajs/framework/utils"

/**
 * How many counted orders held the product: the "popular" fallback. The migration adds
 * the index it is read by: (orders desc, product_id).
 */
export const RecommendationProduct = model
  .define("recommendation_product", {
    id: model.id({ prefix: "rcprod" }).primaryKey(),
    product_id: model.text(),
    orders: model.number(),
  })
  .indexes([{ on: ["product_id"], unique: true }])
