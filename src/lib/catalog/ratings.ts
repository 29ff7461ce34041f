import type { MedusaContainer } from "@medusajs/framework/types"

export type Rating = { rating_average: number | null; review_count: number }

/**
 * Approved-review ratings of the given products.
 * TODO(catalog): wired to the review module when it lands (docs/CATALOG.md, "Reviews").
 */
export async function loadRatings(
  _container: MedusaContainer,
  _productIds: string[]
): Promise<Map<string, Rating>> {
  return new Map()
}
