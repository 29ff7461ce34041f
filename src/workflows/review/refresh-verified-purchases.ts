import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { listOrderProductsStep } from "./steps/list-order-products"
import { updateVerifiedPurchasesStep } from "./steps/update-verified-purchases"

export type RefreshVerifiedPurchasesInput = { order_id: string; customer_id: string }

/**
 * After an order's status moved (paid, cancelled, refunded…): the customer's reviews of
 * the order's products get `verified_purchase` as their orders now justify it.
 */
export const refreshVerifiedPurchasesWorkflow = createWorkflow(
  "review-refresh-verified-purchases",
  (input: RefreshVerifiedPurchasesInput) => {
    const productIds = listOrderProductsStep({ order_id: input.order_id })
    const update = transform({ input, productIds }, ({ input, productIds }) => ({
      customer_id: input.customer_id,
      product_ids: productIds,
    }))
    return new WorkflowResponse(updateVerifiedPurchasesStep(update))
  }
)
