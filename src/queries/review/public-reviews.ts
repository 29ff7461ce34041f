import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import type { RenderedAnswer } from "../../utils/catalog/rendered-answer"
import type { Page } from "../../utils/pagination"
import { ensureProductListable, productReviewsAnswer } from "./review-view"

const NOT_FOUND = ""

/**
 * GET /products/{id}/reviews as anyone but an admin sees it (approved reviews of a
 * published product, with its rating), rendered once per page and catalog generation like
 * the product itself: every product page loads it, and rendering it is four statements
 * through Medusa's query. What changes the answer moves that generation: moderation and
 * deletion re-sync the product's catalog row, a product's publication syncs it, and the
 * workflows that change a visible review otherwise (verified purchases, an anonymised
 * author) invalidate the catalog cache themselves. Unknown or unpublished products are
 * cached as a 404 too.
 */
export async function readPublicProductReviews(
  scope: MedusaContainer,
  productId: string,
  page: Page
): Promise<RenderedAnswer> {
  const render = async () => {
    try {
      await ensureProductListable(scope, productId, false)
    } catch (error) {
      if (MedusaError.isMedusaError(error) && error.type === MedusaError.Types.NOT_FOUND) {
        return NOT_FOUND
      }
      throw error
    }
    return JSON.stringify(await productReviewsAnswer(scope, productId, ["approved"], page))
  }
  const key = `reviews:${JSON.stringify([productId, page.limit, page.offset])}`
  const answer = await scope
    .resolve<PlatformModuleService>(PLATFORM_MODULE)
    .cachedCatalogAnswer(key, render)
  if (answer.body === NOT_FOUND) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Product with id: ${productId} was not found`
    )
  }
  return answer
}
