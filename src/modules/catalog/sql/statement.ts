import type { CatalogCount, CatalogQuery } from "../types"
import { listSql, searchSql } from "./queries"

export type CatalogParams = Record<string, string | number | boolean | null>

/**
 * The statement behind one catalog read (list or search) and its named bindings; a search
 * also binds `tsquery`, the answer of TSQUERY_SQL for its `q`. A list given its `count`
 * (known for its filters in this catalog generation) does not count again. Kept apart from
 * the service so the benchmark can EXPLAIN exactly what a request runs.
 */
export function catalogStatement(
  query: CatalogQuery,
  tsquery: string | null = null,
  count?: CatalogCount
): { sql: string; params: CatalogParams } {
  const params: CatalogParams = {
    include_inactive: query.include_inactive ?? false,
    category_id: query.category_id ?? null,
    tag: query.tag ?? null,
    min_price: query.min_price ?? null,
    max_price: query.max_price ?? null,
    in_stock: query.in_stock ?? false,
    limit: query.limit,
    limit_plus_one: query.limit + 1,
    offset: query.offset,
    k1: query.after?.[0] ?? null,
    k2: query.after?.[1] ?? null,
    k3: query.after?.[2] ?? null,
  }
  if (query.q) {
    return {
      sql: searchSql(query.sort ?? "relevance", query.facets ?? false, {
        includeInactive: params.include_inactive === true,
        cursor: params.k1 !== null,
        minPrice: params.min_price !== null,
        maxPrice: params.max_price !== null,
        category: params.category_id !== null,
        tag: params.tag !== null,
        inStock: params.in_stock === true,
      }),
      params: { ...params, q: query.q, tsquery },
    }
  }
  const sort = !query.sort || query.sort === "relevance" ? "newest" : query.sort
  return {
    sql: listSql(sort),
    params: {
      ...params,
      known_count: count?.count ?? null,
      known_capped: count?.count_capped ?? null,
    },
  }
}
