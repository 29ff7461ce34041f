/**
 * What a write of catalog rows means for the cached catalog answers (docs/CATALOG.md,
 * "Cache"):
 * - `catalog`: something a list, filter, sort, total or search depends on changed (a new,
 *   removed or edited product, or a product going in or out of stock): every answer renders
 *   afresh (a new catalog generation);
 * - `products`: only the units in stock of these products changed: only the answers that
 *   show one of them render afresh (their products are marked);
 * - `none`: the write changed nothing a reader sees (a sync that found what an earlier
 *   write already put there, as after every checkout).
 */
export type CatalogCacheEffect =
  { kind: "none" } | { kind: "products"; product_ids: string[] } | { kind: "catalog" }

/** A row as a write left it, with what it was before (absent before: `existed` false). */
export type RowChange = {
  id: string
  existed: boolean
  /** Anything but the units in stock differs (CatalogModuleService: content digest). */
  content_changed: boolean
  stock_quantity: number | null
  previous_stock: number | null
}

export function catalogCacheEffect(rows: RowChange[], removed: number): CatalogCacheEffect {
  if (removed > 0 || rows.some((row) => !row.existed || row.content_changed)) {
    return { kind: "catalog" }
  }
  const marked = rows
    .filter((row) => row.stock_quantity !== row.previous_stock)
    .map((row) => row.id)
  return marked.length ? { kind: "products", product_ids: marked } : { kind: "none" }
}
