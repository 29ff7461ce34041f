import { model } from "@medusajs/framework/utils"

/**
 * The timezone `analytics_sales_local_day` is complete for: written by the rebuild that
 * filled it (one row), read by the refreshes (which keep that zone's local days current)
 * and by every report (which reads local days only for this zone). Changing
 * `ANALYTICS_TIMEZONE` takes effect at the next rebuild; until then the new zone is read
 * from the hourly and UTC daily rollups, so no answer is ever taken from a half-built
 * table (docs/ANALYTICS.md).
 */
export const AnalyticsLocalDayZone = model.define("analytics_local_day_zone", {
  id: model.id({ prefix: "alz" }).primaryKey(),
  timezone: model.text(),
})
