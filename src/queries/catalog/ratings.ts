import type { MedusaContainer } from "@medusajs/framework/types"
import { REVIEW_MODULE } from "../../modules/review"
import type ReviewModuleService from "../../modules/review/service"

export type Rating = { rating_average: number | null; review_count: number }

/**
 * Approved-review ratings of the given products, from the review module's derived
 * `product_rating` rows (kept exact by the review workflows). No approved review →
 * average null, count 0.
 */
export async function loadRatings(
  container: MedusaContainer,
  productIds: string[]
): Promise<Map<string, Rating>> {
  const reviews = container.resolve<ReviewModuleService>(REVIEW_MODULE)
  const rows = await reviews.listProductRatings(
    { product_id: productIds },
    { select: ["product_id", "rating_average", "review_count"] }
  )
  return new Map(
    rows.map((row) => [
      row.product_id,
      {
        rating_average: row.review_count
          ? Math.round(Number(row.rating_average) * 100) / 100
          : null,
        review_count: Number(row.review_count),
      },
    ])
  )
}
