/** Events the catalog emits. */
export const CatalogEvents = {
  /** `{ product_id, stock_quantity, threshold }`: available stock fell below the threshold. */
  STOCK_LOW: "catalog.stock_low",
} as const
