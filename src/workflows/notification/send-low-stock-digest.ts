import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LowStockDigestRequestedData } from "../../modules/notification-ledger/events"
import { claimLowStockDigestStep } from "./steps/claim-low-stock-digest"
import { deliverNotificationsStep } from "./steps/deliver-notifications"
import { planLowStockDigestStep } from "./steps/plan-low-stock-digest"

/**
 * The low-stock digest: the crossings gathered since the last one, mailed to every admin
 * user and posted to the dashboard's notification bell, once.
 */
export const sendLowStockDigestWorkflow = createWorkflow(
  "notification-send-low-stock-digest",
  (input: LowStockDigestRequestedData) => {
    const alerts = claimLowStockDigestStep(input)
    const messages = planLowStockDigestStep(alerts)
    return new WorkflowResponse(deliverNotificationsStep(messages))
  }
)
