import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { analyticsSettings } from "../../../../config/analytics"
import { catalogSettings } from "../../../../config/catalog"
import type { AnalyticsSettingsView } from "../validators"

/**
 * The store's analytics defaults, so the dashboard shows the store's days (the zone the
 * reports use when `tz` is absent, read from the fast local-day rollup) rather than
 * whatever zone the admin's browser is in.
 */
export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const view: AnalyticsSettingsView = {
    timezone: analyticsSettings().timezone,
    low_stock_threshold: catalogSettings().lowStockThreshold,
  }
  res.status(200).json(view)
}
