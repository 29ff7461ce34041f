import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { notificationSettings } from "../../config/notifications"
import {
  NotificationLedgerEvents,
  type LowStockDigestRequestedData,
} from "../../modules/notification-ledger/events"
import type { LowStockCrossing } from "../../modules/notification-ledger/types"
import { recordLowStockAlertsStep } from "./steps/record-low-stock-alerts"

/**
 * Records a product's fall below the low-stock threshold once per crossing and asks, after
 * LOW_STOCK_DIGEST_DELAY_MS, for the digest: crossings that happen together (one order, an
 * import) are mailed as one email.
 */
export const recordLowStockAlertWorkflow = createWorkflow(
  "notification-record-low-stock-alert",
  (input: LowStockCrossing) => {
    const crossings = transform({ input }, ({ input }) => [input])
    const recorded = recordLowStockAlertsStep(crossings)
    const requests = transform({ recorded }, ({ recorded }) =>
      recorded.map((alert): LowStockDigestRequestedData => ({ alert_id: alert.id }))
    )
    const options = transform({}, () => ({ delay: notificationSettings().lowStockDigestDelayMs }))
    emitEventStep({
      eventName: NotificationLedgerEvents.LOW_STOCK_DIGEST_REQUESTED,
      data: requests,
      options,
    })
    return new WorkflowResponse(recorded)
  }
)
