import { model } from "@medusajs/framework/utils"

/**
 * Units and line revenue of one product in one UTC hour and currency, from the orders
 * that count as sales (docs/ANALYTICS.md): the rollup top-products reads. Recomputed from
 * the order facts of that hour, like the sales rollup.
 */
export const AnalyticsProductHour = model
  .define("analytics_product_hour", {
    id: model.id({ prefix: "aph" }).primaryKey(),
    bucket_start: model.dateTime(),
    currency_code: model.text(),
    product_id: model.text(),
    units: model.number(),
    revenue: model.bigNumber(),
  })
  .indexes([{ on: ["bucket_start", "currency_code", "product_id"], unique: true }])
