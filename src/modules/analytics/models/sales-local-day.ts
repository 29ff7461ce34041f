import { model } from "@medusajs/framework/utils"

/**
 * The sales rollup per **local** day of the store's timezone (`ANALYTICS_TIMEZONE`),
 * currency and status: the same figures as `analytics_sales_day`, but cut at local
 * midnights, so any period in that zone is a set of whole rows (daylight-saving days have
 * 23 or 25 hours). `bucket_start` is the instant of the local midnight; `timezone` names
 * the zone, which `analytics_local_day_zone` says is complete (docs/ANALYTICS.md).
 * Recomputed from the order facts of that day, never incremented.
 */
export const AnalyticsSalesLocalDay = model
  .define("analytics_sales_local_day", {
    id: model.id({ prefix: "asl" }).primaryKey(),
    timezone: model.text(),
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
  .indexes([{ on: ["timezone", "bucket_start", "currency_code", "status"], unique: true }])
