import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { REVIEW_MODULE } from "../../modules/review"
import { REVIEW_STATUSES } from "../../modules/review/models/review"
import type ReviewModuleService from "../../modules/review/service"
import type { ReviewStatus } from "../../modules/review/types"
import { listEnvelope, type Page } from "../../utils/pagination"

/** The contract's review shape. */
export const reviewView = z.object({
  id: z.string(),
  product_id: z.string(),
  customer_id: z.string(),
  author_name: z.string(),
  rating: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: z.enum(REVIEW_STATUSES),
  verified_purchase: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
})

/** A product's rating from its approved reviews. */
export const productRatingView = z.object({
  rating_average: z.number().nullable(),
  review_count: z.number().int(),
})

export type ReviewView = z.infer<typeof reviewView>
export type ProductRatingView = z.infer<typeof productRatingView>

type Author = { first_name?: string | null; last_name?: string | null } | null | undefined

export type ReviewRow = Omit<ReviewView, "author_name" | "created_at" | "updated_at"> & {
  created_at: Date | string
  updated_at: Date | string
  customer?: Author
}

export const REVIEW_FIELDS = [
  "id",
  "product_id",
  "customer_id",
  "rating",
  "title",
  "body",
  "status",
  "verified_purchase",
  "created_at",
  "updated_at",
  // The author, through the read-only link src/links/review-customer.ts.
  "customer.first_name",
  "customer.last_name",
]

/**
 * First name and last initial ("Ada L."), the first name alone without a last name, and
 * "Anonymous" without a first name (an anonymised or deleted customer): reviews are
 * public, so no full names or emails.
 */
export function authorName(author: Author): string {
  const first = author?.first_name?.trim()
  if (!first) {
    return "Anonymous"
  }
  const initial = author?.last_name?.trim().charAt(0)
  return initial ? `${first} ${initial.toUpperCase()}.` : first
}

export function toReviewView(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    product_id: row.product_id,
    customer_id: row.customer_id,
    author_name: authorName(row.customer),
    rating: row.rating,
    title: row.title,
    body: row.body,
    status: row.status,
    verified_purchase: row.verified_purchase,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}

/**
 * 404 for an unknown product, and for an unpublished one unless admins may see it.
 */
export async function ensureProductListable(
  container: MedusaContainer,
  productId: string,
  includeUnpublished: boolean
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status"],
    filters: { id: productId },
  })
  const product = data[0] as { id: string; status: string } | undefined
  if (!product || (!includeUnpublished && product.status !== ProductStatus.PUBLISHED)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product with id: ${productId} was not found`
    )
  }
}

/** A page of a product's reviews with the given statuses, newest first (ties by id). */
export async function listProductReviews(
  container: MedusaContainer,
  productId: string,
  statuses: ReviewStatus[],
  page: Page
): Promise<{ items: ReviewView[]; count: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "review",
    fields: REVIEW_FIELDS,
    filters: { product_id: productId, status: statuses },
    pagination: {
      skip: page.offset,
      take: page.limit,
      order: { created_at: "DESC", id: "DESC" },
    },
  })
  const items = (data as ReviewRow[]).map(toReviewView)
  return { items, count: metadata?.count ?? items.length }
}

/** GET /products/{id}/reviews's answer: a page of reviews with the product's rating. */
export async function productReviewsAnswer(
  container: MedusaContainer,
  productId: string,
  statuses: ReviewStatus[],
  page: Page
) {
  const [{ items, count }, rating] = await Promise.all([
    listProductReviews(container, productId, statuses, page),
    productRatingOf(container, productId),
  ])
  return { ...listEnvelope(items, count, page), ...rating }
}

/** One review in the contract's shape. */
export async function loadReviewView(
  container: MedusaContainer,
  reviewId: string
): Promise<ReviewView> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "review",
    fields: REVIEW_FIELDS,
    filters: { id: reviewId },
  })
  const row = data[0] as ReviewRow | undefined
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Review with id: ${reviewId} was not found`)
  }
  return toReviewView(row)
}

/**
 * The product's rating from approved reviews: average null (no rating, not a zero-star
 * one) and count 0 before the first approval, as on the product itself.
 */
export async function productRatingOf(
  container: MedusaContainer,
  productId: string
): Promise<ProductRatingView> {
  const [rating] = await container
    .resolve<ReviewModuleService>(REVIEW_MODULE)
    .listProductRatings({ product_id: productId }, { take: 1 })
  return {
    rating_average:
      rating && Number(rating.review_count)
        ? Math.round(Number(rating.rating_average) * 100) / 100
        : null,
    review_count: rating ? Number(rating.review_count) : 0,
  }
}
