import type { MedusaContainer } from "@medusajs/framework/types"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { recommendationSettings } from "../../config/recommendations"
import { RecommendationList } from "../../utils/recommendations/ranking"
import { CANDIDATES_PER_SLOT } from "./product-recommendations"
import { addScored, addViews, sources } from "./sources"

/** How many of the customer's latest purchases the "bought together" part starts from. */
export const SEED_PURCHASES = 20
/** How many partners of each seed are summed. */
export const PARTNERS_PER_SEED = 20
/** How many latest purchases the "similar" fallback looks like. */
export const SIMILAR_SEEDS = 3

/**
 * GET /users/{id}/recommendations for a customer (the route checked who may ask), rendered
 * and cached until the purchase counts or the catalog change: products bought together
 * with the customer's latest purchases, then products like them, then the most bought,
 * then the best rated. Never a product the customer bought in an order that still counts;
 * only active, in-stock products. An account without purchases (a new customer, an admin)
 * gets the fallbacks.
 */
export async function readUserRecommendations(
  scope: MedusaContainer,
  customerId: string,
  limit: number
): Promise<string> {
  const platform = scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
  return platform.cachedRecommendationRead(`user:${customerId}:${limit}`, () =>
    renderUserRecommendations(scope, customerId, limit)
  )
}

async function renderUserRecommendations(
  scope: MedusaContainer,
  customerId: string,
  limit: number
): Promise<string> {
  const from = sources(scope)
  const list = new RecommendationList(limit)
  const pairs = await from.recommendations.customerPairs(customerId, {
    seeds: SEED_PURCHASES,
    perSeed: PARTNERS_PER_SEED,
    minOrders: recommendationSettings().minPairOrders,
    limit: limit * CANDIDATES_PER_SLOT,
  })
  await addScored(from, list, pairs, "bought_together")
  if (!list.full) {
    const seeds = await from.recommendations.recentPurchases(customerId, SIMILAR_SEEDS)
    const similar = await from.catalog.similarViews(
      seeds,
      [...list.taken, ...seeds],
      list.missing * CANDIDATES_PER_SLOT
    )
    const bought = await from.recommendations.boughtAmong(
      customerId,
      similar.map((view) => view.id)
    )
    addViews(list, similar, "similar", bought)
  }
  if (!list.full) {
    const popular = await from.recommendations.popular(
      customerId,
      list.missing * CANDIDATES_PER_SLOT + list.taken.length
    )
    await addScored(from, list, popular, "popular")
  }
  if (!list.full) {
    const rated = await from.catalog.topRatedViews(list.taken, list.missing * CANDIDATES_PER_SLOT)
    const bought = await from.recommendations.boughtAmong(
      customerId,
      rated.map((view) => view.id)
    )
    addViews(list, rated, "top_rated", bought)
  }
  return list.render()
}
