import { model } from "@medusajs/framework/utils"

/**
 * Units and line revenue of one product in one UTC month and currency. Products are the
 * one rollup a day barely shrinks (most products sell on only some days, so a year of
 * product days is nearly one row per order line); top-products reads whole UTC months
 * from here, the rest of the period's days from `analytics_product_day` and its edge
 * hours from `analytics_product_hour` (docs/ANALYTICS.md). Recomputed from the day rows
 * of that month, in the transaction that recomputed them from the facts.
 */
export const AnalyticsProductMonth = model
  .define("analytics_product_month", {
    id: model.id({ prefix: "apm" }).primaryKey(),
    bucket_start: model.dateTime(),
    currency_code: model.text(),
    product_id: model.text(),
    units: model.number(),
    revenue: model.bigNumber(),
  })
  .indexes([{ on: ["bucket_start", "currency_code", "product_id"], unique: true }])
