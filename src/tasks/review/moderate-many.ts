import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import { moderateReviewWorkflow } from "../../workflows/review/moderate-review"

export type ModerationOutcome = {
  review_id: string
  status: "moderated" | "failed"
  error?: string
}

/**
 * Approves or rejects several reviews, each through the moderation workflow (its rating
 * and catalog row follow), so one failure does not undo the others. Unknown ids are a 404
 * before anything changes.
 */
export async function moderateReviews(
  container: MedusaContainer,
  input: { review_ids: string[]; status: "approved" | "rejected"; moderated_by: string }
): Promise<ModerationOutcome[]> {
  const reviews = await container
    .resolve<ReviewModuleService>(REVIEW_MODULE)
    .listReviews(
      { id: input.review_ids },
      { select: ["id", "product_id"], take: input.review_ids.length }
    )
  const found = new Map(reviews.map((review) => [review.id, review.product_id]))
  const missing = input.review_ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown reviews: ${missing.join(", ")}`)
  }
  const outcomes: ModerationOutcome[] = []
  for (const reviewId of input.review_ids) {
    try {
      await moderateReviewWorkflow(container).run({
        input: {
          review_id: reviewId,
          product_id: found.get(reviewId)!,
          status: input.status,
          moderated_by: input.moderated_by,
        },
      })
      outcomes.push({ review_id: reviewId, status: "moderated" })
    } catch (error) {
      outcomes.push({ review_id: reviewId, status: "failed", error: String(error) })
    }
  }
  return outcomes
}
