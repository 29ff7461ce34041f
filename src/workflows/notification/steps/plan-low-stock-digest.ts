import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { notificationSettings } from "../../../config/notifications"
import type { LowStockAlertRecord } from "../../../modules/notification-ledger/types"
import { listAdminRecipients } from "../../../queries/notification/admin-recipients"
import { productTitles } from "../../../queries/notification/product-titles"
import {
  dashboardLink,
  lowStockDigestDocument,
  lowStockFeedEntry,
} from "../../../utils/notifications/admin-email"
import {
  deliveryKey,
  emailNotification,
  type OutgoingNotification,
} from "../../../utils/notifications/outgoing"
import { renderEmail } from "../../../utils/notifications/render-email"

export const LOW_STOCK_TEMPLATE = "low-stock-digest"

/**
 * The digest's messages: one email per admin user and one entry in the dashboard's
 * notification bell (the `feed` channel, addressed to every admin), keyed by the digest.
 * Reads and renders only.
 */
export const planLowStockDigestStep = createStep(
  "notification-plan-low-stock-digest",
  async (alerts: LowStockAlertRecord[], { container }) => {
    if (!alerts.length) {
      return new StepResponse<OutgoingNotification[]>([])
    }
    const digestId = alerts[0].digest_id as string
    const settings = notificationSettings()
    const titles = await productTitles(
      container,
      alerts.map((alert) => alert.product_id)
    )
    const lines = alerts.map((alert) => ({
      title: titles.get(alert.product_id) ?? alert.product_id,
      stock_quantity: alert.stock_quantity,
      threshold: alert.threshold,
    }))
    const link = dashboardLink(settings.dashboardUrl, "inventory", {})
    const email = await renderEmail(
      lowStockDigestDocument(lines, link, settings.shopName, settings.adminLocale),
      settings.adminLocale
    )
    const context = {
      trigger_type: "catalog.stock_low",
      resource_type: "low_stock_digest",
      resource_id: digestId,
    }
    const admins = await listAdminRecipients(container)
    const emails = admins.map((admin): OutgoingNotification => ({
      key: deliveryKey("low_stock", digestId, admin.email),
      notification: emailNotification(admin.email, LOW_STOCK_TEMPLATE, email, {
        ...context,
        receiver_id: admin.id,
      }),
    }))
    const feed: OutgoingNotification = {
      key: deliveryKey("low_stock_feed", digestId, "all-admins"),
      notification: {
        // The dashboard's bell lists feed entries addressed to the admin or to "" (everyone).
        to: "",
        channel: "feed",
        template: "admin-ui",
        data: {
          ...lowStockFeedEntry(lines, settings.adminLocale),
          product_ids: alerts.map((alert) => alert.product_id),
        },
        ...context,
      },
    }
    return new StepResponse([...emails, feed])
  }
)
