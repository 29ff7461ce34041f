import { model } from "@medusajs/framework/utils"

/**
 * Units and line revenue of one product in one UTC day and currency: the daily level of
 * `analytics_product_hour`, read for the whole UTC days of a period (docs/ANALYTICS.md).
 * Recomputed from the order facts of that day, like the hourly rows.
 */
export const AnalyticsProductDay = model
  .define("analytics_product_day", {
    id: model.id({ prefix: "apd" }).primaryKey(),
    bucket_start: model.dateTime(),
    currency_code: model.text(),
    product_id: model.text(),
    units: model.number(),
    revenue: model.bigNumber(),
  })
  .indexes([{ on: ["bucket_start", "currency_code", "product_id"], unique: true }])
