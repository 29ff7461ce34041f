import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../../utils/pagination"
import { reviewView } from "../../../queries/review/review-view"

export const reviewQueueQuery = z.object({
  ...paginationShape,
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  product_id: z.string().min(1).optional(),
})

export const moderateReviewsBody = z.object({
  review_ids: z.array(z.string().min(1)).min(1).max(100),
  status: z.enum(["approved", "rejected"]),
})

export const reviewQueue = listSchema(reviewView.extend({ product_title: z.string().nullable() }))

export const moderationResult = z.object({
  results: z.array(
    z.object({
      review_id: z.string(),
      status: z.enum(["moderated", "failed"]),
      error: z.string().optional(),
    })
  ),
})

export const productRatingView = z.object({
  product_id: z.string(),
  rating_average: z.number().nullable(),
  review_count: z.number().int(),
  pending_count: z.number().int(),
})

export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>
export type ModerateReviewsBody = z.infer<typeof moderateReviewsBody>
