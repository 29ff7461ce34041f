import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATION_MODULE } from "../../../modules/recommendation"
import type RecommendationModuleService from "../../../modules/recommendation/service"
import type { OrderPurchase } from "../../../modules/recommendation/types"

/** The state to bring the order back to; null when the step changed nothing. */
type Undo = { previous: OrderPurchase | null }

/**
 * Adds the order to the purchase counts or takes it out (idempotent: nothing happens
 * when it already is in that state). Returns whether the counts changed. Undone by
 * bringing the order back to the state it had, which moves the counts back.
 */
export const applyOrderPurchaseStep = createStep(
  "recommendation-apply-order-purchase",
  async (purchase: OrderPurchase | null, { container }) => {
    if (!purchase) {
      return new StepResponse(false, { previous: null } satisfies Undo)
    }
    const recommendations = container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const { changed, previous } = await recommendations.applyOrder(purchase)
    return new StepResponse(changed, { previous: changed ? previous : null } satisfies Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo?.previous) {
      return
    }
    await container
      .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      .applyOrder(undo.previous)
  }
)
