import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../../../utils/pagination"
import { productRatingView, reviewView } from "../../../../queries/review/review-view"

/** Text is stored exactly as sent (no trimming, no escaping); blank text is refused. */
function text(max: number) {
  return z
    .string()
    .min(1, "Required")
    .max(max, `At most ${max} characters`)
    .refine((value) => value.trim().length > 0, "Must not be blank")
}

export const createReviewBody = z.object({
  rating: z.number().int("A whole number from 1 to 5").min(1).max(5),
  title: text(200),
  body: text(5000),
})

export const moderateReviewBody = z.object({
  status: z.enum(["approved", "rejected"]),
})

/** `status` other than `approved` is for admins (403 for anyone else). */
export const listReviewsQuery = z.object({
  ...paginationShape,
  status: z.enum(["approved", "pending", "rejected", "all"]).optional(),
})

export const reviewList = listSchema(reviewView).extend(productRatingView.shape)

export type CreateReviewBody = z.infer<typeof createReviewBody>
export type ModerateReviewBody = z.infer<typeof moderateReviewBody>
export type ListReviewsQuery = z.infer<typeof listReviewsQuery>
