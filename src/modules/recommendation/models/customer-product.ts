import { model } from "@medusajs/framework/utils"

/**
 * What a customer bought: per product, how many of their counted orders held it and
 * when the latest was paid. The customer's recommendations start from their latest
 * purchases and never offer a product listed here.
 */
export const RecommendationCustomerProduct = model
  .define("recommendation_customer_product", {
    id: model.id({ prefix: "rccp" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
    orders: model.number(),
    last_ordered_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id", "product_id"], unique: true },
    { on: ["customer_id", "last_ordered_at"] },
  ])
