import { LIST_COUNT_CAP } from "../sql/queries"
import type { CatalogCount, CatalogPage, CatalogQuery } from "../types"
import { afterCursor, ORDER, rowFilter, type ListSort } from "./answer"
import type { SearchIndex } from "./build"
import { indexIdsPage } from "./page"

const LIST_SORTS: ListSort[] = ["newest", "price_asc", "price_desc", "name", "rating"]

/** Every row in each list sort's order, made when the index is loaded (listOrders). */
const orders = new WeakMap<SearchIndex, Record<ListSort, Int32Array>>()

/**
 * Sorts the index's rows once per sort, as the list statement orders them (ties by id):
 * a list page is then a walk from its start, as the statement walks the sort's index.
 * Called by the load, in the background, yielding between sorts.
 */
export async function prepareListOrders(
  index: SearchIndex,
  yieldToRequests: () => Promise<void>
): Promise<void> {
  const all = Array.from({ length: index.size }, (_, row) => row)
  const byOrder = {} as Record<ListSort, Int32Array>
  for (const sort of LIST_SORTS) {
    const order = ORDER[sort]
    byOrder[sort] = Int32Array.from(all.sort((a, b) => order(index, a, b)))
    // One sort at a time: queued requests run between them.
    await yieldToRequests()
  }
  orders.set(index, byOrder)
}

/** The first position of `order` whose row comes after the cursor (a suffix of the order). */
function firstAfter(order: Int32Array, after: (row: number) => boolean): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (after(order[mid])) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Rows passing the filters, counted up to one past the cap. */
function countOf(index: SearchIndex, passes: (row: number) => boolean): CatalogCount {
  let count = 0
  for (let row = 0; row < index.size && count <= LIST_COUNT_CAP; row++) {
    if (passes(row)) count++
  }
  return { count: Math.min(count, LIST_COUNT_CAP), count_capped: count > LIST_COUNT_CAP }
}

/**
 * A list page (no search words) from the index, as the list statement answers it (sql/
 * queries.ts, listSql): the filters, the sort's order from the cursor, `offset` rows
 * skipped, the total capped at LIST_COUNT_CAP (`known` when the caller has it for these
 * filters). Null when the index cannot make it without a statement (no orders, or it keeps
 * no JSON).
 */
export function listFromIndex(
  index: SearchIndex,
  query: CatalogQuery,
  known?: CatalogCount
): CatalogPage | null {
  const sort = (query.sort ?? "newest") as ListSort
  const order = orders.get(index)?.[sort]
  if (!order || !index.views || !(sort in ORDER)) {
    return null
  }
  const passes = rowFilter(index, query) ?? (() => false)
  const after = query.after ? afterCursor(sort, query.after) : undefined
  const start = after ? firstAfter(order, (row) => after(index, row)) : 0
  const rows: number[] = []
  let skipped = 0
  for (let at = start; at < order.length && rows.length <= query.limit; at++) {
    const row = order[at]
    if (!passes(row)) continue
    if (skipped < query.offset) {
      skipped++
      continue
    }
    rows.push(row)
  }
  const page = indexIdsPage(index, sort, rows, query.limit)
  return page && { ...(known ?? countOf(index, passes)), ...page }
}
