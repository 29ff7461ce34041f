import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { invalidateCatalogCacheStep } from "../catalog/steps/invalidate-catalog-cache"
import { listOrderProductsStep } from "./steps/list-order-products"
import { updateVerifiedPurchasesStep } from "./steps/update-verified-purchases"

export type RefreshVerifiedPurchasesInput = { order_id: string; customer_id: string }

/**
 * After an order's status moved (paid, cancelled, refunded…): the customer's reviews of
 * the order's products get `verified_purchase` as their orders now justify it; when the
 * customer reviewed any of them, cached public review answers render afresh (also when
 * this run changed nothing: a concurrent run may have written the flags and not yet
 * refreshed the cache). Customers without reviews of these products, most orders, cost
 * no invalidation.
 */
export const refreshVerifiedPurchasesWorkflow = createWorkflow(
  "review-refresh-verified-purchases",
  (input: RefreshVerifiedPurchasesInput) => {
    const productIds = listOrderProductsStep({ order_id: input.order_id })
    const update = transform({ input, productIds }, ({ input, productIds }) => ({
      customer_id: input.customer_id,
      product_ids: productIds,
    }))
    const updated = updateVerifiedPurchasesStep(update)
    // Public review answers are cached per catalog generation (queries/review/public-reviews.ts).
    when({ updated }, ({ updated }) => updated.reviewed).then(() => {
      invalidateCatalogCacheStep()
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.changes))
  }
)
