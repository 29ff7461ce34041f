import type { MedusaContainer } from "@medusajs/framework/types"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import type { ProductView } from "../../modules/catalog/service"
import { RECOMMENDATION_MODULE } from "../../modules/recommendation"
import type RecommendationModuleService from "../../modules/recommendation/service"
import type { ScoredProduct } from "../../modules/recommendation/types"
import type { RecommendationList, RecommendationReason } from "../../utils/recommendations/ranking"

/**
 * The sources both recommendation reads draw from, each bounded by the list's limit:
 * candidate ids come from the recommendation module (indexed heads of the counts), and
 * the catalog decides which may be shown (active, in stock) and supplies their JSON.
 */
export type Sources = {
  catalog: CatalogModuleService
  recommendations: RecommendationModuleService
}

export function sources(scope: MedusaContainer): Sources {
  return {
    catalog: scope.resolve<CatalogModuleService>(CATALOG_MODULE),
    recommendations: scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE),
  }
}

/** Scored candidates that may be shown, in the candidates' order, added to `list`. */
export async function addScored(
  { catalog }: Sources,
  list: RecommendationList,
  candidates: ScoredProduct[],
  reason: RecommendationReason
): Promise<void> {
  const views = await catalog.showableViews(candidates.map((c) => c.product_id))
  list.add(
    candidates.flatMap((candidate) => {
      const view = views.get(candidate.product_id)
      return view
        ? [
            {
              product_id: candidate.product_id,
              reason,
              orders_together: reason === "bought_together" ? candidate.orders : null,
              view,
            },
          ]
        : []
    })
  )
}

/** Catalog products (already showable) added to `list`, minus `skip`. */
export function addViews(
  list: RecommendationList,
  views: ProductView[],
  reason: RecommendationReason,
  skip: Set<string> = new Set()
): void {
  list.add(
    views
      .filter((view) => !skip.has(view.id))
      .map((view) => ({ product_id: view.id, reason, orders_together: null, view: view.view }))
  )
}

/**
 * An id from a URL path that could name a stored record: the database cannot hold a NUL
 * character, and no id is that long; anything else is simply not found.
 */
export function isPlausibleId(id: string): boolean {
  return id.length > 0 && id.length <= 100 && !id.includes("\u0000")
}
