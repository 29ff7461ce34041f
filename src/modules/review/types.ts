export type ReviewStatus = "pending" | "approved" | "rejected"

export type ReviewRecord = {
  id: string
  product_id: string
  customer_id: string
  rating: number
  title: string
  body: string
  status: ReviewStatus
  verified_purchase: boolean
  moderated_at: Date | string | null
  moderated_by: string | null
  created_at: Date | string
  updated_at: Date | string
  deleted_at?: Date | string | null
}

export type ProductRatingRecord = {
  id: string
  product_id: string
  rating_average: number
  review_count: number
}
