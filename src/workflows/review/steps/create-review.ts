import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"
import type { ReviewRecord } from "../../../modules/review/types"

export type CreateReviewInput = {
  product_id: string
  customer_id: string
  rating: number
  title: string
  body: string
  verified_purchase: boolean
}

export const ALREADY_REVIEWED = "You have already reviewed this product"

async function liveReviewExists(
  reviews: ReviewModuleService,
  input: Pick<CreateReviewInput, "product_id" | "customer_id">
): Promise<boolean> {
  const [existing] = await reviews.listReviews(
    { product_id: input.product_id, customer_id: input.customer_id },
    { take: 1, select: ["id"] }
  )
  return Boolean(existing)
}

/**
 * Creates the review, pending moderation. One per customer and product: a second one is
 * a 409, found by the check below or, when two requests race past it, by the unique
 * index on (product_id, customer_id) failing the second insert.
 */
export const createReviewStep = createStep(
  "review-create",
  async (input: CreateReviewInput, { container }) => {
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    if (await liveReviewExists(reviews, input)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, ALREADY_REVIEWED)
    }
    let review: ReviewRecord
    try {
      review = await reviews.createReviews({ ...input, status: "pending" })
    } catch (error) {
      if (await liveReviewExists(reviews, input)) {
        throw new MedusaError(MedusaError.Types.CONFLICT, ALREADY_REVIEWED)
      }
      throw error
    }
    return new StepResponse(review, review.id)
  },
  async (reviewId, { container }) => {
    if (reviewId) {
      await container.resolve<ReviewModuleService>(REVIEW_MODULE).deleteReviews(reviewId)
    }
  }
)
