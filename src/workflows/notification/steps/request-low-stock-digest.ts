import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { notificationSettings } from "../../../config/notifications"
import {
  NotificationLedgerEvents,
  type LowStockDigestRequestedData,
} from "../../../modules/notification-ledger/events"
import type { LowStockAlertRecord } from "../../../modules/notification-ledger/types"

/**
 * Asks for the digest of each new alert after LOW_STOCK_DIGEST_DELAY_MS. Emitted here with
 * the delay as an emit option (which both of Medusa's event buses honour; emitEventStep's
 * per-message options are dropped by the in-memory one). No compensation: it is the last
 * step, and a digest whose alert is gone sends nothing.
 */
export const requestLowStockDigestStep = createStep(
  "notification-request-low-stock-digest",
  async (alerts: LowStockAlertRecord[], { container }) => {
    if (!alerts.length) {
      return new StepResponse(0)
    }
    await container.resolve(Modules.EVENT_BUS).emit(
      alerts.map((alert) => ({
        name: NotificationLedgerEvents.LOW_STOCK_DIGEST_REQUESTED,
        data: { alert_id: alert.id } satisfies LowStockDigestRequestedData,
      })),
      { delay: notificationSettings().lowStockDigestDelayMs }
    )
    return new StepResponse(alerts.length)
  }
)
