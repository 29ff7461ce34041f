import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REVIEW_MODULE } from "../../../modules/review"
import type ReviewModuleService from "../../../modules/review/service"
import { purchasedProducts } from "../../../queries/review/verified-purchase"

export type UpdateVerifiedPurchasesInput = { customer_id: string; product_ids: string[] }

type Change = { id: string; verified_purchase: boolean }

/** The flags written, and whether the customer has reviewed any of the products at all. */
export type VerifiedPurchaseUpdate = { changes: Change[]; reviewed: boolean }

/**
 * Sets `verified_purchase` on the customer's reviews of these products to what their
 * orders say now (after a payment, cancellation or refund). Only reviews whose flag
 * changes are written; undo puts the previous flags back. `reviewed` tells the caller
 * whether cached review answers may show these reviews: another run for the same order
 * (the status event's subscriber) may have written the flags a moment before this one
 * found nothing to change, and not yet refreshed the cache.
 */
export const updateVerifiedPurchasesStep = createStep(
  "review-update-verified-purchases",
  async (input: UpdateVerifiedPurchasesInput, { container }) => {
    const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
    if (!input.product_ids.length) {
      return new StepResponse<VerifiedPurchaseUpdate, Change[]>(
        { changes: [], reviewed: false },
        []
      )
    }
    const [existing, bought] = await Promise.all([
      reviews.listReviews(
        { customer_id: input.customer_id, product_id: input.product_ids },
        { select: ["id", "product_id", "verified_purchase"] }
      ),
      purchasedProducts(container, input.customer_id, input.product_ids),
    ])
    const changes = existing
      .filter((review) => review.verified_purchase !== bought.has(review.product_id))
      .map((review) => ({ id: review.id, verified_purchase: bought.has(review.product_id) }))
    if (changes.length) {
      await reviews.updateReviews(changes)
    }
    const undo = changes.map((change) => ({
      ...change,
      verified_purchase: !change.verified_purchase,
    }))
    return new StepResponse<VerifiedPurchaseUpdate, Change[]>(
      { changes, reviewed: existing.length > 0 },
      undo
    )
  },
  async (undo, { container }) => {
    if (undo?.length) {
      await container.resolve<ReviewModuleService>(REVIEW_MODULE).updateReviews(undo)
    }
  }
)
