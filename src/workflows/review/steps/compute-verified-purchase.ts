import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { purchasedProducts } from "../../../queries/review/verified-purchase"

export type ComputeVerifiedPurchaseInput = { customer_id: string; product_id: string }

/**
 * Whether the customer bought this product: a line of it in an order that is paid or
 * later, not cancelled nor fully refunded (read only: nothing to undo).
 */
export const computeVerifiedPurchaseStep = createStep(
  "review-compute-verified-purchase",
  async (input: ComputeVerifiedPurchaseInput, { container }) => {
    const bought = await purchasedProducts(container, input.customer_id, [input.product_id])
    return new StepResponse(bought.has(input.product_id))
  }
)
