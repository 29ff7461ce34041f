import { model } from "@medusajs/framework/utils"

/**
 * The sales rollup per UTC day, currency and status: the same figures as
 * `analytics_sales_hour`, summed over a day. Reads take the whole UTC days of a period
 * from here and only the hours its timezone cuts off at the edges from the hourly table
 * (docs/ANALYTICS.md), so a year reads about 365 × (currencies × statuses) rows instead
 * of one row per busy hour. Recomputed from the order facts of that day, never
 * incremented.
 */
export const AnalyticsSalesDay = model
  .define("analytics_sales_day", {
    id: model.id({ prefix: "asd" }).primaryKey(),
    bucket_start: model.dateTime(),
    currency_code: model.text(),
    status: model.text(),
    orders: model.number(),
    total: model.bigNumber(),
    refunded: model.bigNumber(),
    units: model.number(),
    new_customers: model.number(),
    returning_orders: model.number(),
  })
  .indexes([{ on: ["bucket_start", "currency_code", "status"], unique: true }])
