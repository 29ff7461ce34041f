import type { CatalogPage, CatalogSort } from "../types"
import type { SearchIndex } from "./build"

type ListSort = Exclude<CatalogSort, "relevance">

/** What sql/queries.ts's sort keys print for a product without a price (NO_PRICE_HIGH, NO_VALUE_LOW). */
const NO_PRICE_ASC = "1000000000000000"
const NO_PRICE_DESC = "-1"

/** A row's sort key texts, as keyJson (sql/queries.ts) prints them. */
function keyTexts(index: SearchIndex, sort: ListSort, row: number): string[] {
  const id = index.ids[row]
  switch (sort) {
    case "newest":
      // Microseconds below 2^53: the double prints as the bigint's text.
      return [String(index.created[row]), id]
    case "price_asc":
      return [index.priceTexts[row] ?? NO_PRICE_ASC, id]
    case "price_desc":
      return [index.priceTexts[row] ?? NO_PRICE_DESC, id]
    case "name":
      return [index.nameKeys[row], id]
    case "rating":
      return [index.ratingTexts[row], String(index.reviews[row]), id]
  }
}

/**
 * The page statement's answer (sql/index-page.ts, indexPageSql) made from the index's own
 * copy of the products' JSON, with no statement: the items as `json_agg` prints them, the
 * ids, and the last shown row's cursor key as `json_build_array(…)::text` prints it
 * (JSON.stringify escapes text as PostgreSQL's escape_json does). `rows` are the page's
 * rows in order, one more than `limit` when more follow. Null when the index keeps no views.
 */
export function indexIdsPage(
  index: SearchIndex,
  sort: ListSort,
  rows: readonly number[],
  limit: number
): Pick<CatalogPage, "items" | "product_ids" | "next_key"> | null {
  const { views } = index
  if (!views) {
    return null
  }
  const shown = rows.slice(0, limit)
  const last = shown[limit - 1]
  return {
    items: shown.length ? `[${shown.map((row) => views[row]).join(", ")}]` : "[]",
    product_ids: shown.map((row) => index.ids[row]),
    next_key:
      rows.length > limit && last !== undefined
        ? `[${keyTexts(index, sort, last)
            .map((text) => JSON.stringify(text))
            .join(", ")}]`
        : null,
  }
}
