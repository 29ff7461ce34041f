import { model } from "@medusajs/framework/utils"

/**
 * Derived state: the average (rounded to two decimals) and the number of a product's
 * approved reviews. Never written field by field: ReviewModuleService.recomputeProductRating
 * rebuilds the row from the review table, serialised per product (see docs/REVIEWS.md).
 */
export const ProductRating = model
  .define("product_rating", {
    id: model.id({ prefix: "prat" }).primaryKey(),
    product_id: model.text(),
    rating_average: model.float().default(0),
    review_count: model.number().default(0),
  })
  .indexes([{ on: ["product_id"], unique: true, where: "deleted_at IS NULL" }])
