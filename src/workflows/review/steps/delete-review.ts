import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"
import type { ReviewRecord } from "../../../modules/review/types"
import { findProductReview } from "../../../queries/review/find-review"

export type DeleteReviewInput = { product_id: string; review_id: string }

type Undo = { id: string; product_id: string }

/**
 * Soft-deletes a review of the product (404 for an unknown review or one of another
 * product). Undo restores it and re-derives the rating.
 */
export const deleteReviewStep = createStep(
  "review-delete",
  async (input: DeleteReviewInput, { container }) => {
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    const review = await findProductReview(reviews, input.product_id, input.review_id)
    await reviews.softDeleteReviews(review.id)
    return new StepResponse<ReviewRecord, Undo>(review, {
      id: review.id,
      product_id: review.product_id,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    await reviews.restoreReviews(undo.id)
    await reviews.recomputeProductRating(undo.product_id)
  }
)
