import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { invalidateShippingCacheStep } from "./steps/invalidate-shipping-cache"

/** After shipping options, their zones, fulfillment sets or stock locations changed. */
export const invalidateShippingOptionsWorkflow = createWorkflow(
  "order-invalidate-shipping-options",
  () => {
    invalidateShippingCacheStep()
    return new WorkflowResponse(undefined)
  }
)
