import type { ConfigModule } from "@medusajs/framework/types"
import { readNotificationSettings } from "../notifications"
import { loadConfig } from "./load-config"

type ModuleEntry = { resolve: string; options: Record<string, unknown> }

function moduleOf(config: ConfigModule, key: string): ModuleEntry {
  return config.modules?.[key] as unknown as ModuleEntry
}

const RETRY_VARS = ["SMTP_URL"]

describe("notification configuration", () => {
  it("gives the notification module an email channel and the dashboard's feed channel", () => {
    const config = loadConfig({ SMTP_URL: "smtp://127.0.0.1:2525" }, RETRY_VARS)
    const providers = moduleOf(config, "notification").options.providers as {
      id: string
      resolve: string
      options: { channels: string[] }
    }[]
    expect(providers.map((p) => [p.id, p.options.channels])).toEqual([
      ["smtp", ["email"]],
      ["feed", ["feed"]],
    ])
    expect(providers[1].resolve).toBe("@medusajs/medusa/notification-local")
  })

  it("reads the dashboard URL, shop name, admin language and digest delay", () => {
    expect(readNotificationSettings({})).toEqual({
      dashboardUrl: "http://localhost:9000/app",
      shopName: "Commerce Engine",
      adminLocale: "en",
      lowStockDigestDelayMs: 5000,
      attempts: 8,
      retryDelayMs: 5000,
    })
    expect(
      readNotificationSettings({
        MEDUSA_BACKEND_URL: "https://api.shop.example/",
        SHOP_NAME: " Shop ",
        ADMIN_EMAIL_LOCALE: "de-DE",
        LOW_STOCK_DIGEST_DELAY_MS: "100",
        NOTIFICATION_ATTEMPTS: "3",
        NOTIFICATION_RETRY_DELAY_MS: "250",
      })
    ).toEqual({
      dashboardUrl: "https://api.shop.example/app",
      shopName: "Shop",
      adminLocale: "de",
      lowStockDigestDelayMs: 100,
      attempts: 3,
      retryDelayMs: 250,
    })
    expect(() => readNotificationSettings({ NOTIFICATION_ATTEMPTS: "0" })).toThrow(
      'NOTIFICATION_ATTEMPTS must be a positive integer, got "0"'
    )
    expect(
      readNotificationSettings({ ADMIN_DASHBOARD_URL: "https://admin.shop.example/app/" })
        .dashboardUrl
    ).toBe("https://admin.shop.example/app")
  })
})
