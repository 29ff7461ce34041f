import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { recommendationSettings } from "../../config/recommendations"
import { RecommendationList } from "../../utils/recommendations/ranking"
import { addScored, addViews, isPlausibleId, sources } from "./sources"

const NOT_FOUND = ""

/** How many candidates a source is asked for, per recommendation wanted. */
export const CANDIDATES_PER_SLOT = 3

/**
 * GET /products/{id}/recommendations, rendered and cached until the purchase counts or
 * the catalog change: products bought together with it (in at least
 * RECOMMENDATIONS_MIN_PAIR_ORDERS paid orders), then similar products (categories, tags,
 * name words), then the most bought, then the best rated; only active, in-stock products,
 * never the product itself. Unknown, deleted or inactive products are a 404.
 */
export async function readProductRecommendations(
  scope: MedusaContainer,
  productId: string,
  limit: number
): Promise<string> {
  const notFound = new MedusaError(
    MedusaError.Types.NOT_FOUND,
    `Product ${productId} was not found`
  )
  if (!isPlausibleId(productId)) {
    throw notFound
  }
  const platform = scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
  const body = await platform.cachedRecommendationRead(`product:${productId}:${limit}`, () =>
    renderProductRecommendations(scope, productId, limit)
  )
  if (body === NOT_FOUND) {
    throw notFound
  }
  return body
}

async function renderProductRecommendations(
  scope: MedusaContainer,
  productId: string,
  limit: number
): Promise<string> {
  const from = sources(scope)
  const product = await from.catalog.findView(productId)
  if (!product?.is_active) {
    return NOT_FOUND
  }
  const list = new RecommendationList(limit, [productId])
  const { minPairOrders } = recommendationSettings()
  const pairs = await from.recommendations.topPairs(
    productId,
    minPairOrders,
    limit * CANDIDATES_PER_SLOT
  )
  await addScored(from, list, pairs, "bought_together")
  if (!list.full) {
    addViews(
      list,
      await from.catalog.similarViews([productId], list.taken, list.missing),
      "similar"
    )
  }
  if (!list.full) {
    const popular = await from.recommendations.popular(
      null,
      list.missing * CANDIDATES_PER_SLOT + list.taken.length
    )
    await addScored(from, list, popular, "popular")
  }
  if (!list.full) {
    addViews(list, await from.catalog.topRatedViews(list.taken, list.missing), "top_rated")
  }
  return list.render()
}
