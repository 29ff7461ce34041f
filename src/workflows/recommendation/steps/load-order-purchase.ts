import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderPurchase } from "../../../modules/recommendation/types"
import { loadOrderPurchase } from "../../../queries/recommendation/order-purchase"

/** The order's contribution as it stands now (read only: nothing to undo). */
export const loadOrderPurchaseStep = createStep(
  "recommendation-load-order-purchase",
  async (input: { order_id: string }, { container }) => {
    const purchase = await loadOrderPurchase(container, input.order_id)
    return new StepResponse<OrderPurchase | null>(purchase ?? null)
  }
)
