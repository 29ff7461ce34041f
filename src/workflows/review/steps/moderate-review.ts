import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"
import type { ReviewRecord } from "../../../modules/review/types"
import { findProductReview } from "../../../queries/review/find-review"

export type ModerateReviewInput = {
  product_id: string
  review_id: string
  status: "approved" | "rejected"
  moderated_by: string
}

type Undo = Pick<ReviewRecord, "id" | "product_id" | "status" | "moderated_at" | "moderated_by">

/**
 * Approves or rejects a review of the product (404 for an unknown review or one of
 * another product). Undo restores the previous moderation and re-derives the rating.
 */
export const moderateReviewStep = createStep(
  "review-moderate",
  async (input: ModerateReviewInput, { container }) => {
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    const previous = await findProductReview(reviews, input.product_id, input.review_id)
    const updated = await reviews.updateReviews({
      id: previous.id,
      status: input.status,
      moderated_at: new Date(),
      moderated_by: input.moderated_by,
    })
    return new StepResponse<ReviewRecord, Undo>(updated, {
      id: previous.id,
      product_id: previous.product_id,
      status: previous.status,
      moderated_at: previous.moderated_at,
      moderated_by: previous.moderated_by,
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    await reviews.updateReviews({
      id: undo.id,
      status: undo.status,
      moderated_at: undo.moderated_at ? new Date(undo.moderated_at) : null,
      moderated_by: undo.moderated_by,
    })
    await reviews.recomputeProductRating(undo.product_id)
  }
)
