import type { InferTypeOf } from "@medusajs/framework/types"
import type { ProductRating } from "./models/product-rating"
import type { REVIEW_STATUSES, Review } from "./models/review"

export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** What the generated service methods (listReviews, createReviews, …) return. */
export type ReviewRecord = InferTypeOf<typeof Review>

/** The columns recomputeProductRating returns (its SQL reads no timestamps). */
export type ProductRatingRecord = Pick<
  InferTypeOf<typeof ProductRating>,
  "id" | "product_id" | "rating_average" | "review_count"
>
