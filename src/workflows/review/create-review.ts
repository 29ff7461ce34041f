import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReviewEvents } from "../../modules/review/events"
import { computeVerifiedPurchaseStep } from "./steps/compute-verified-purchase"
import { createReviewStep } from "./steps/create-review"
import { ensureProductReviewableStep } from "./steps/ensure-product-reviewable"

export type CreateReviewWorkflowInput = {
  product_id: string
  customer_id: string
  rating: number
  title: string
  body: string
}

/**
 * POST /products/{id}/reviews. The product must be published (404); the review is
 * pending until an admin approves it, so the rating does not change yet.
 * `verified_purchase` comes from the customer's orders.
 */
export const createReviewWorkflow = createWorkflow(
  "review-create-review",
  (input: CreateReviewWorkflowInput) => {
    ensureProductReviewableStep({ product_id: input.product_id })
    const verified = computeVerifiedPurchaseStep({
      customer_id: input.customer_id,
      product_id: input.product_id,
    })
    const data = transform({ input, verified }, ({ input, verified }) => ({
      product_id: input.product_id,
      customer_id: input.customer_id,
      rating: input.rating,
      title: input.title,
      body: input.body,
      verified_purchase: verified,
    }))
    const review = createReviewStep(data)
    const event = transform({ review }, ({ review }) => ({
      id: review.id,
      product_id: review.product_id,
    }))
    emitEventStep({ eventName: ReviewEvents.CREATED, data: event })
    return new WorkflowResponse(review)
  }
)
