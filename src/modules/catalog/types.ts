import type { InferTypeOf } from "@medusajs/framework/types"
import type { CatalogProduct } from "./models/catalog-product"
import type { CatalogSort } from "./sql/queries"
import type { CatalogProductView } from "./view"
import type { SearchIndex } from "./search-index/build"

export type { CatalogProductView, CatalogSort }

/**
 * What the sync writes for one product: the model's columns, sent to SQL as JSON, so the
 * dates are ISO strings and the price a decimal string.
 */
export type CatalogRow = Omit<
  InferTypeOf<typeof CatalogProduct>,
  | "price"
  | "product_created_at"
  | "product_updated_at"
  | "view"
  | "created_at"
  | "updated_at"
  | "deleted_at"
  | `raw_${string}`
> & {
  price: string | null
  product_created_at: string
  product_updated_at: string
  view: CatalogProductView
}

export type CatalogFilters = {
  category_id?: string
  tag?: string
  min_price?: string
  max_price?: string
  in_stock?: boolean
  include_inactive?: boolean
}

export type CatalogQuery = CatalogFilters & {
  q?: string
  sort?: CatalogSort
  limit: number
  offset: number
  /** The sort key after which the page starts (a decoded cursor, src/utils/catalog/cursor.ts). */
  after?: string[]
  facets?: boolean
}

/** A list's total for a filter set (it depends on the filters only, not the sort or page). */
export type CatalogCount = { count: number; count_capped: boolean }

/**
 * What a caller already knows of a read, so the statement does not compute it again: a
 * search's full-text query (TSQUERY_SQL's answer for `q`), a list's total, and the
 * search index that answers searches without the search statement.
 */
export type CatalogKnown = {
  tsquery?: string | null
  count?: CatalogCount
  /** This process's search index for the current catalog generation (search-index/). */
  index?: SearchIndex
  /**
   * Whether none of these products changed since the index's copy of the catalog was read
   * at `epoch` (its stock is marked, not a new generation); a page showing one that did
   * is read from the database. Unset: the copy is taken as current.
   */
  viewsCurrent?: (products: readonly string[], epoch: number) => boolean
}

/** Serialized JSON fragments, spliced into the response without a parse/stringify. */
export type CatalogPage = {
  /** Exact, or the cap when `count_capped` (sql/queries.ts: LIST_COUNT_CAP, SEARCH_MATCH_CAP). */
  count: number
  count_capped: boolean
  items: string
  /** The ids of the page's products, in its order (what the cached answer shows). */
  product_ids: string[]
  /** The sort key of the page's last product as a JSON array of texts, when more follow. */
  next_key: string | null
  category_facets?: string
  price_facets?: string
}

/** A product's stock as the catalog shows it (what a stock-only write carries). */
export type CatalogStock = {
  id: string
  /** The variant the stock is of: only written where it is the row's variant. */
  variant_id: string
  stock_quantity: number | null
  in_stock: boolean
}
