import { z } from "@medusajs/framework/zod"
import { listSchema, paginationShape } from "../../../../utils/pagination"

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

export const reviewView = z.object({
  id: z.string(),
  product_id: z.string(),
  customer_id: z.string(),
  author_name: z.string(),
  rating: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: z.enum(["pending", "approved", "rejected"]),
  verified_purchase: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})

export const reviewList = listSchema(reviewView).extend({
  rating_average: z.number().nullable(),
  review_count: z.number().int(),
})

export type CreateReviewBody = z.infer<typeof createReviewBody>
export type ModerateReviewBody = z.infer<typeof moderateReviewBody>
export type ListReviewsQuery = z.infer<typeof listReviewsQuery>
export type ReviewView = z.infer<typeof reviewView>
