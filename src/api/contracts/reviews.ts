import type { ContractRoute } from "../utils/contract"
import {
  createReviewBody,
  listReviewsQuery,
  moderateReviewBody,
  reviewList,
} from "../products/[id]/reviews/validators"
import { reviewView } from "../../queries/review/review-view"

const tags = ["Reviews"]

/** Product reviews: public reading of approved ones, customers write, admins moderate. */
export const reviewsContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/products/:id/reviews",
    summary:
      "A product's approved reviews, newest first, with its rating; admins may filter by `status`",
    tags,
    access: "public",
    query: listReviewsQuery,
    responses: {
      200: { description: "A page of reviews and the product's rating", schema: reviewList },
      403: { description: "`status` other than approved from a non-admin" },
      404: { description: "Unknown product, or unpublished (except to admins)" },
    },
  },
  {
    method: "POST",
    path: "/products/:id/reviews",
    summary: "Review a product (one per customer); pending until an admin approves it",
    tags,
    access: "customer",
    body: createReviewBody,
    responses: {
      201: { description: "The review, pending moderation", schema: reviewView },
      404: { description: "Unknown or unpublished product" },
      409: { description: "The customer has already reviewed this product" },
    },
  },
  {
    method: "PUT",
    path: "/products/:id/reviews/:review_id",
    summary: "Approve or reject a review (admin)",
    tags,
    access: "admin",
    body: moderateReviewBody,
    responses: {
      200: { description: "The moderated review", schema: reviewView },
      404: { description: "Unknown review, or a review of another product" },
    },
  },
  {
    method: "DELETE",
    path: "/products/:id/reviews/:review_id",
    summary: "Delete a review (admin, soft delete)",
    tags,
    access: "admin",
    responses: {
      204: { description: "Deleted" },
      404: { description: "Unknown review, or a review of another product" },
    },
  },
]
