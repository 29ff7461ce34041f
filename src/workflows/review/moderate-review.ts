import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReviewEvents } from "../../modules/review/events"
import { syncCatalogProductsWorkflow } from "../catalog/sync-catalog-products"
import { moderateReviewStep } from "./steps/moderate-review"
import { recomputeProductRatingStep } from "./steps/recompute-product-rating"

export type ModerateReviewWorkflowInput = {
  product_id: string
  review_id: string
  status: "approved" | "rejected"
  /** The admin user moderating. */
  moderated_by: string
}

/**
 * PUT /products/{id}/reviews/{review_id}: approve or reject, then re-derive the
 * product's rating and re-sync its catalog row.
 */
export const moderateReviewWorkflow = createWorkflow(
  "review-moderate-review",
  (input: ModerateReviewWorkflowInput) => {
    const review = moderateReviewStep(input)
    recomputeProductRatingStep({ product_id: input.product_id })
    const sync = transform({ input }, ({ input }) => ({ product_ids: [input.product_id] }))
    syncCatalogProductsWorkflow.runAsStep({ input: sync })
    const eventName = transform({ input }, ({ input }) =>
      input.status === "approved" ? ReviewEvents.APPROVED : ReviewEvents.REJECTED
    )
    const event = transform({ review }, ({ review }) => ({
      id: review.id,
      product_id: review.product_id,
    }))
    emitEventStep({ eventName, data: event })
    return new WorkflowResponse(review)
  }
)
