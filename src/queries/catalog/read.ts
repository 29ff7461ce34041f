import { performance } from "node:perf_hooks"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import type { CatalogCount, CatalogPage, CatalogQuery } from "../../modules/catalog/types"
import { PLATFORM_MODULE } from "../../modules/platform"
import type { SearchIndex } from "../../modules/catalog/search-index/build"
import { catalogSettings } from "../../config/catalog"
import { encodeCursor } from "../../utils/catalog/cursor"
import type PlatformModuleService from "../../modules/platform/service"
import type { ReadOptions } from "../../modules/platform/generation-cache"
import type { RenderedAnswer, RenderedBody } from "../../utils/catalog/rendered-answer"
import { projectPage, projectProduct } from "../../utils/catalog/sparse-fields"

/**
 * Catalog reads as rendered JSON strings with their entity tags, cached by the platform
 * module (two levels keyed by the catalog's generation, docs/CATALOG.md). The database
 * returns the products' JSON as text and it is spliced into the envelope, so neither a
 * miss nor a hit parses or re-serializes the products. A sparse field set is its own
 * entry, projected from the full one once per generation (docs/HTTP-CACHING.md).
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

function cachedCatalogAnswer(
  scope: MedusaContainer,
  key: string,
  render: () => Promise<RenderedBody>,
  options?: ReadOptions
): Promise<RenderedAnswer> {
  return platform(scope).cachedCatalogAnswer(key, render, options)
}

/**
 * The full answer under `key`, or, with `fields` (canonical order, from the validator),
 * its projection cached under a key of its own.
 */
async function cachedWithFields(
  scope: MedusaContainer,
  key: string,
  render: () => Promise<RenderedBody>,
  fields: readonly string[] | undefined,
  project: (body: string, fields: readonly string[]) => string,
  options?: ReadOptions
): Promise<RenderedAnswer> {
  if (!fields) {
    return cachedCatalogAnswer(scope, key, render, options)
  }
  const projected = async () => {
    const full = await cachedCatalogAnswer(scope, key, render, options)
    const body = project(full.body, fields)
    return full.products ? { body, products: full.products } : body
  }
  return cachedCatalogAnswer(scope, `${key}|fields=${fields.join(",")}`, projected, options)
}

function platform(scope: MedusaContainer): PlatformModuleService {
  return scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
}

/** The filters a list's total depends on (not its sort, page or cursor). */
function countKey(query: CatalogQuery): string {
  const { include_inactive, category_id, tag, min_price, max_price, in_stock } = query
  return queryKey("count", { include_inactive, category_id, tag, min_price, max_price, in_stock })
}

/**
 * A search's full-text query, from the queries of its words: each whitespace-separated
 * piece's (TSQUERY_SQL splits a piece further and ANDs its terms, as it does for a whole
 * query) is kept per catalog generation, and the pieces' are ANDed here. Searches share
 * words far more often than whole queries, so a new combination of known words runs no
 * statement for its tsquery.
 */
async function searchTsquery(scope: MedusaContainer, q: string): Promise<string | null> {
  const known: string[] = []
  // One after the other: a search holds at most one pooled connection for its words.
  for (const piece of new Set(q.trim().split(/\s+/).filter(Boolean))) {
    const tsquery = await platform(scope).cachedCatalogValue(`tsquery:${piece}`, () =>
      catalog(scope).searchQuery(piece)
    )
    if (tsquery) {
      known.push(`(${tsquery})`)
    }
  }
  return known.length ? known.join(" & ") : null
}

/**
 * This process's search index for the current catalog generation, when it has one. When
 * it has none, a load starts in the background (one at a time, reading only the rows that
 * changed since the last one) and this search goes to PostgreSQL; the index is kept for
 * the generation it was read in (a write meanwhile: the next search loads again). Searches
 * are never kept waiting for a load (docs/CATALOG.md, "Search").
 */
async function currentSearchIndex(scope: MedusaContainer): Promise<SearchIndex | undefined> {
  const { searchIndexMaxProducts: maxProducts, searchIndexMaxViewBytes: maxViewBytes } =
    catalogSettings()
  if (!maxProducts) {
    return undefined
  }
  const stamp = await platform(scope).catalogStamp()
  const kept = catalog(scope).searchIndexFor(stamp)
  if (kept !== undefined) {
    return kept ?? undefined
  }
  const since = performance.now()
  catalog(scope)
    .loadSearchIndex(since, { maxProducts, maxViewBytes }, stamp, () =>
      platform(scope).catalogMarksNow()
    )
    .then(async (index) => {
      // Kept only if no write started a generation during the load.
      if (index !== undefined && (await platform(scope).catalogStamp()) === stamp) {
        catalog(scope).keepSearchIndex(stamp, index)
      }
    })
    .catch((error: unknown) =>
      scope.resolve<Logger>("logger").warn(`catalog search index not loaded: ${String(error)}`)
    )
  return undefined
}

/** Whether products were not marked (a stock change) since a copy of the catalog of `epoch`. */
function viewsCurrent(scope: MedusaContainer) {
  return (products: readonly string[], epoch: number) =>
    platform(scope).catalogMarksCurrent(products, epoch)
}

/**
 * One page from the catalog module, with what this process already knows for the current
 * catalog generation: a search's parsed query (words repeat across searches), a list's
 * total for its filters (every page and sort of a filter set shares it). Both are kept
 * per process until the catalog changes, like the rendered answers.
 */
async function queryPage(scope: MedusaContainer, query: CatalogQuery): Promise<CatalogPage> {
  if (query.q) {
    const [tsquery, index] = await Promise.all([
      searchTsquery(scope, query.q),
      currentSearchIndex(scope),
    ])
    return catalog(scope).queryCatalog(query, { tsquery, index, viewsCurrent: viewsCurrent(scope) })
  }
  const [total, index] = await Promise.all([
    platform(scope).peekCatalogValue<CatalogCount>(countKey(query)),
    currentSearchIndex(scope),
  ])
  const page = await catalog(scope).queryCatalog(query, {
    count: total.value,
    index,
    viewsCurrent: viewsCurrent(scope),
  })
  if (!total.value) {
    total.keep({ count: page.count, count_capped: page.count_capped })
  }
  return page
}

/**
 * GET /products and GET /products/search: `{items, count, count_capped, limit, offset,
 * next_cursor[, facets]}`. The caller sets `sort` (the cursor is made for it).
 */
export async function readCatalogPage(
  scope: MedusaContainer,
  query: CatalogQuery,
  fields?: readonly string[]
): Promise<RenderedAnswer> {
  const render = async () => {
    const page = await queryPage(scope, query)
    const facets = query.facets
      ? `,"facets":{"categories":${page.category_facets ?? "[]"},"price_ranges":${page.price_facets ?? "[]"}}`
      : ""
    const next = page.next_key
      ? JSON.stringify(encodeCursor(query.sort ?? "newest", JSON.parse(page.next_key) as string[]))
      : "null"
    const body =
      `{"items":${page.items},"count":${page.count},"count_capped":${page.count_capped},` +
      `"limit":${query.limit},"offset":${query.offset},"next_cursor":${next}${facets}}`
    // The page renders afresh when one of its products' stock changes (marks).
    return { body, products: page.product_ids }
  }
  // A search the in-process index answers, or a list it makes from its copy of the
  // products' JSON, costs this process about what looking it up in L2 (a Redis round trip
  // on every miss) costs: kept in this process only (docs/PERFORMANCE.md, "Searches and
  // lists from the index, second round"). The render asks for the index again: the one it uses is of
  // the generation its answer is cached under.
  const index = await currentSearchIndex(scope)
  const indexed = index !== undefined && (Boolean(query.q) || index.views !== undefined)
  const options = { shared: !indexed }
  return cachedWithFields(scope, queryKey("page", query), render, fields, projectPage, options)
}

const NOT_FOUND = ""

/** GET /products/{id}: the product's JSON; inactive products only for admins (else 404). */
export async function readProduct(
  scope: MedusaContainer,
  id: string,
  asAdmin: boolean,
  fields?: readonly string[]
): Promise<RenderedAnswer> {
  const render = async () => {
    const found = await catalog(scope).findView(id)
    return { body: found && (found.is_active || asAdmin) ? found.view : NOT_FOUND, products: [id] }
  }
  const project = (body: string, picked: readonly string[]) =>
    body === NOT_FOUND ? NOT_FOUND : projectProduct(body, picked)
  const key = `product:${asAdmin ? "admin" : "public"}:${id}`
  const answer = await cachedWithFields(scope, key, render, fields, project)
  if (answer.body === NOT_FOUND) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${id} was not found`)
  }
  return answer
}
