import { emailLocaleOf, type EmailLocale } from "../utils/notifications/locale"
import { positiveIntFromEnv } from "../utils/env"

/** Settings of the order, dashboard and low-stock emails (docs/NOTIFICATIONS.md). */
export type NotificationSettings = {
  /** The admin dashboard's base URL; its links are `${dashboardUrl}/reset-password?…`. */
  dashboardUrl: string
  /** The shop's name in emails. */
  shopName: string
  /** Admin users have no stored language: their emails use this one. */
  adminLocale: EmailLocale
  /** How long crossings are gathered before one low-stock digest goes out. */
  lowStockDigestDelayMs: number
  /** Runs of a notification whose send failed (the first included). */
  attempts: number
  /** Delay before the first retry; it doubles with each further one. */
  retryDelayMs: number
}

export function readNotificationSettings(
  env: NodeJS.ProcessEnv = process.env
): NotificationSettings {
  const backendUrl = env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`
  return {
    dashboardUrl: (env.ADMIN_DASHBOARD_URL || `${backendUrl.replace(/\/+$/, "")}/app`).replace(
      /\/+$/,
      ""
    ),
    shopName: env.SHOP_NAME?.trim() || "Commerce Engine",
    adminLocale: emailLocaleOf(env.ADMIN_EMAIL_LOCALE),
    lowStockDigestDelayMs: positiveIntFromEnv(
      env.LOW_STOCK_DIGEST_DELAY_MS,
      5000,
      "LOW_STOCK_DIGEST_DELAY_MS"
    ),
    attempts: positiveIntFromEnv(env.NOTIFICATION_ATTEMPTS, 8, "NOTIFICATION_ATTEMPTS"),
    retryDelayMs: positiveIntFromEnv(
      env.NOTIFICATION_RETRY_DELAY_MS,
      5000,
      "NOTIFICATION_RETRY_DELAY_MS"
    ),
  }
}

let cached: NotificationSettings | undefined

export function notificationSettings(): NotificationSettings {
  cached ??= readNotificationSettings()
  return cached
}
