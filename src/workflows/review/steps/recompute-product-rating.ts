import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"

export type RecomputeProductRatingInput = { product_id: string }

/**
 * Re-derives the product's rating from its approved reviews. The rating is derived state,
 * so undoing means deriving it again from what the reviews are then; the steps that
 * change reviews also re-derive after undoing their own change.
 */
export const recomputeProductRatingStep = createStep(
  "review-recompute-product-rating",
  async (input: RecomputeProductRatingInput, { container }) => {
    const rating = await container
      .resolve<ReviewModuleService>(REVIEW_MODULE)
      .recomputeProductRating(input.product_id)
    return new StepResponse(rating, input.product_id)
  },
  async (productId, { container }) => {
    if (productId) {
      await container.resolve<ReviewModuleService>(REVIEW_MODULE).recomputeProductRating(productId)
    }
  }
)
