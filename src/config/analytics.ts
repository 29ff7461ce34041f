import { MedusaError } from "@medusajs/framework/utils"
import { isTimeZone } from "../utils/analytics/period"

export type AnalyticsSettings = {
  /** The store's timezone: the default `tz` of /admin/analytics/* (IANA name). */
  timezone: string
}

export function readAnalyticsSettings(env: NodeJS.ProcessEnv = process.env): AnalyticsSettings {
  const timezone = env.ANALYTICS_TIMEZONE || "UTC"
  if (!isTimeZone(timezone)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `ANALYTICS_TIMEZONE must be an IANA timezone, got "${timezone}"`
    )
  }
  return { timezone }
}

let cached: AnalyticsSettings | undefined

export function analyticsSettings(): AnalyticsSettings {
  cached ??= readAnalyticsSettings()
  return cached
}
