/** Events the review workflows emit, each with the payload `{ id, product_id }`. */
export const ReviewEvents = {
  CREATED: "review.created",
  APPROVED: "review.approved",
  REJECTED: "review.rejected",
  DELETED: "review.deleted",
} as const

export type ReviewEventData = { id: string; product_id: string }
