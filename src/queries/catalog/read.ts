import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import type { CatalogQuery } from "../../modules/catalog/types"
import { PLATFORM_MODULE } from "../../modules/platform"
import { encodeCursor } from "../../utils/catalog/cursor"
import type PlatformModuleService from "../../modules/platform/service"

/**
 * Catalog reads as rendered JSON strings, cached by the platform module (two levels keyed
 * by the catalog's generation, docs/CATALOG.md). The database returns the products' JSON
 * as text and it is spliced into the envelope, so neither a miss nor a hit parses or
 * re-serializes the products.
 */

/** A stable cache key: the same query in any parameter order is the same entry. */
export function queryKey(kind: string, query: object): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
  return `${kind}:${JSON.stringify(entries)}`
}

function catalog(scope: MedusaContainer): CatalogModuleService {
  return scope.resolve<CatalogModuleService>(CATALOG_MODULE)
}

function cachedCatalogRead(
  scope: MedusaContainer,
  key: string,
  render: () => Promise<string>
): Promise<string> {
  return scope.resolve<PlatformModuleService>(PLATFORM_MODULE).cachedCatalogRead(key, render)
}

/**
 * GET /products and GET /products/search: `{items, count, count_capped, limit, offset,
 * next_cursor[, facets]}`. The caller sets `sort` (the cursor is made for it).
 */
export async function readCatalogPage(
  scope: MedusaContainer,
  query: CatalogQuery
): Promise<string> {
  return cachedCatalogRead(scope, queryKey("page", query), async () => {
    const page = await catalog(scope).queryCatalog(query)
    const facets = query.facets
      ? `,"facets":{"categories":${page.category_facets ?? "[]"},"price_ranges":${page.price_facets ?? "[]"}}`
      : ""
    const next = page.next_key
      ? JSON.stringify(encodeCursor(query.sort ?? "newest", JSON.parse(page.next_key) as string[]))
      : "null"
    return (
      `{"items":${page.items},"count":${page.count},"count_capped":${page.count_capped},` +
      `"limit":${query.limit},"offset":${query.offset},"next_cursor":${next}${facets}}`
    )
  })
}

const NOT_FOUND = ""

/** GET /products/{id}: the product's JSON; inactive products only for admins (else 404). */
export async function readProduct(
  scope: MedusaContainer,
  id: string,
  asAdmin: boolean
): Promise<string> {
  const body = await cachedCatalogRead(
    scope,
    `product:${asAdmin ? "admin" : "public"}:${id}`,
    async () => {
      const found = await catalog(scope).findView(id)
      return found && (found.is_active || asAdmin) ? found.view : NOT_FOUND
    }
  )
  if (body === NOT_FOUND) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${id} was not found`)
  }
  return body
}
