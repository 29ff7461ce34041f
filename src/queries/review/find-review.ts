import { MedusaError } from "@medusajs/framework/utils"
import type ReviewModuleService from "../../modules/review/service"
import type { ReviewRecord } from "../../modules/review/types"

/** The live review with this id under this product; a 404 otherwise. */
export async function findProductReview(
  reviews: ReviewModuleService,
  productId: string,
  reviewId: string
): Promise<ReviewRecord> {
  const [review] = await reviews.listReviews({ id: reviewId, product_id: productId }, { take: 1 })
  if (!review) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Review with id: ${reviewId} was not found`)
  }
  return review
}
