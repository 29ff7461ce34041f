import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { invalidateCatalogCacheStep } from "../catalog/steps/invalidate-catalog-cache"

/**
 * After a change the public review answers show but the catalog does not know of (a
 * reviewer's name, changed or anonymised through Medusa's routes): they render afresh.
 * They are cached per catalog generation (src/queries/review/public-reviews.ts).
 */
export const forgetCachedReviewsWorkflow = createWorkflow("review-forget-cached-reviews", () => {
  invalidateCatalogCacheStep()
  return new WorkflowResponse(undefined)
})
