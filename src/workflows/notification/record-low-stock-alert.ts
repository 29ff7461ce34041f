import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LowStockCrossing } from "../../modules/notification-ledger/types"
import { recordLowStockAlertsStep } from "./steps/record-low-stock-alerts"
import { requestLowStockDigestStep } from "./steps/request-low-stock-digest"

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
    requestLowStockDigestStep(recorded)
    return new WorkflowResponse(recorded)
  }
)
