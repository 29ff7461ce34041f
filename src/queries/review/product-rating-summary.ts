import type { MedusaContainer } from "@medusajs/framework/types"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"
import { productRatingOf } from "./review-view"

/** What the product page's widget shows: the rating and how many reviews wait. */
export async function productRatingSummary(container: MedusaContainer, productId: string) {
  const [rating, [, pending]] = await Promise.all([
    productRatingOf(container, productId),
    container
      .resolve<ReviewModuleService>(REVIEW_MODULE)
      .listAndCountReviews(
        { product_id: productId, status: "pending" },
        { take: 1, select: ["id"] }
      ),
  ])
  return { product_id: productId, ...rating, pending_count: pending }
}
