import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReviewEvents } from "../../modules/review/events"
import { syncCatalogProductsWorkflow } from "../catalog/sync-catalog-products"
import { deleteReviewStep } from "./steps/delete-review"
import { recomputeProductRatingStep } from "./steps/recompute-product-rating"

export type DeleteReviewWorkflowInput = { product_id: string; review_id: string }

/**
 * DELETE /products/{id}/reviews/{review_id} (admin): soft delete, then re-derive the
 * product's rating and re-sync its catalog row.
 */
export const deleteReviewWorkflow = createWorkflow(
  "review-delete-review",
  (input: DeleteReviewWorkflowInput) => {
    const review = deleteReviewStep(input)
    recomputeProductRatingStep({ product_id: input.product_id })
    const sync = transform({ input }, ({ input }) => ({ product_ids: [input.product_id] }))
    syncCatalogProductsWorkflow.runAsStep({ input: sync })
    const event = transform({ review }, ({ review }) => ({
      id: review.id,
      product_id: review.product_id,
    }))
    emitEventStep({ eventName: ReviewEvents.DELETED, data: event })
    return new WorkflowResponse(undefined)
  }
)
