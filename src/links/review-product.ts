import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ReviewModule from "../modules/review"

/**
 * A review's product, read with query.graph (`review.product`). Read-only: the review
 * stores `product_id`, so there is no link table to keep in step.
 */
export default defineLink(
  { linkable: ReviewModule.linkable.review, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
