import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ReviewModule from "../modules/review"

/**
 * A review's author, read with query.graph (`review.customer`) for the author name.
 * Read-only: the review stores `customer_id`.
 */
export default defineLink(
  { linkable: ReviewModule.linkable.review, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
