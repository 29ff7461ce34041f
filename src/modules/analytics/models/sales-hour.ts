import { model } from "@medusajs/framework/utils"

/**
 * Orders placed in one UTC hour, per currency and current status: the rollup the summary,
 * sales series, orders-by-status and customers endpoints read. Hours (not days) so any
 * whole-hour timezone buckets exactly; never written field by field, always recomputed
 * from the order facts of that hour.
 */
export const AnalyticsSalesHour = model
  .define("analytics_sales_hour", {
    id: model.id({ prefix: "ash" }).primaryKey(),
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
