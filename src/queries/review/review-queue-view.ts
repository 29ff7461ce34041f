import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ReviewStatus } from "../../modules/review/types"
import type { Page } from "../../utils/pagination"
import { REVIEW_FIELDS, toReviewView, type ReviewRow, type ReviewView } from "./review-view"

export type ReviewQueueFilters = {
  status?: ReviewStatus
  rating?: number
  product_id?: string
}

export type QueuedReview = ReviewView & { product_title: string | null }

async function page(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  skip: number,
  take: number
): Promise<{ rows: ReviewRow[]; count: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "review",
    fields: REVIEW_FIELDS,
    filters,
    pagination: { skip, take, order: { created_at: "DESC", id: "DESC" } },
  })
  return { rows: data as ReviewRow[], count: metadata?.count ?? data.length }
}

/**
 * The moderation queue across all products: pending reviews first (newest first), then
 * the others, filtered by status, rating and product; with each product's title. Two
 * bounded reads (pending, then the rest) make "pending first" without sorting by a CASE.
 */
export async function reviewQueueView(
  container: MedusaContainer,
  filters: ReviewQueueFilters,
  { limit, offset }: Page
): Promise<{ items: QueuedReview[]; count: number; limit: number; offset: number }> {
  const base: Record<string, unknown> = {}
  if (filters.rating) base.rating = filters.rating
  if (filters.product_id) base.product_id = filters.product_id
  let rows: ReviewRow[]
  let count: number
  if (filters.status) {
    ;({ rows, count } = await page(container, { ...base, status: filters.status }, offset, limit))
  } else {
    const pending = await page(container, { ...base, status: "pending" }, offset, limit)
    const restOffset = Math.max(0, offset - pending.count)
    const restTake = limit - pending.rows.length
    const rest = await page(
      container,
      { ...base, status: ["approved", "rejected"] },
      restOffset,
      Math.max(restTake, 1)
    )
    rows = [...pending.rows, ...(restTake > 0 ? rest.rows : [])]
    count = pending.count + rest.count
  }
  const productIds = [...new Set(rows.map((row) => row.product_id))]
  const products = productIds.length
    ? await container
        .resolve(Modules.PRODUCT)
        .listProducts({ id: productIds }, { select: ["id", "title"], take: productIds.length })
    : []
  const titles = new Map(products.map((product) => [product.id, product.title]))
  return {
    items: rows.map((row) => ({
      ...toReviewView(row),
      product_title: titles.get(row.product_id) ?? null,
    })),
    count,
    limit,
    offset,
  }
}
