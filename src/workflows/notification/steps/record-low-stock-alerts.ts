import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_LEDGER_MODULE } from "../../../modules/notification-ledger"
import type NotificationLedgerModuleService from "../../../modules/notification-ledger/service"
import type { LowStockCrossing } from "../../../modules/notification-ledger/types"

/**
 * Records the crossings; returns the new ones (a redelivered `catalog.stock_low` finds its
 * crossing recorded and returns nothing). Compensation deletes what this run inserted.
 */
export const recordLowStockAlertsStep = createStep(
  "notification-record-low-stock-alerts",
  async (crossings: LowStockCrossing[], { container }) => {
    const ledger = container.resolve<NotificationLedgerModuleService>(NOTIFICATION_LEDGER_MODULE)
    const recorded = await ledger.recordLowStockAlerts(crossings)
    return new StepResponse(
      recorded,
      recorded.map((alert) => alert.id)
    )
  },
  async (insertedIds, { container }) => {
    if (!insertedIds?.length) {
      return
    }
    await container
      .resolve<NotificationLedgerModuleService>(NOTIFICATION_LEDGER_MODULE)
      .deleteLowStockAlerts(insertedIds)
  }
)
