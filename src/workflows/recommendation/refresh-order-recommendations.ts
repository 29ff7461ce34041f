import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { applyOrderPurchaseStep } from "./steps/apply-order-purchase"
import { invalidateRecommendationsStep } from "./steps/invalidate-recommendations"
import { loadOrderPurchaseStep } from "./steps/load-order-purchase"

/**
 * Brings one order's contribution to the recommendations up to date with its status: a
 * paid order's products are counted once, a cancelled or refunded one taken out once.
 * Reads the order as it is now, so redelivered or out-of-order events change nothing
 * more. Returns whether the counts changed.
 */
export const refreshOrderRecommendationsWorkflow = createWorkflow(
  "recommendation-refresh-order",
  (input: { order_id: string }) => {
    const purchase = loadOrderPurchaseStep(input)
    const changed = applyOrderPurchaseStep(purchase)
    return new WorkflowResponse(invalidateRecommendationsStep(changed))
  }
)
