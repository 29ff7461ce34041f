/** Events the catalog emits. */
export const CatalogEvents = {
  /**
   * `{ product_id, stock_quantity, threshold, sync_version }`: available stock fell below
   * the threshold, seen by the catalog sync numbered `sync_version` (product and version
   * name the crossing, so a redelivered event is recognised).
   */
  STOCK_LOW: "catalog.stock_low",
  /**
   * `{ product_ids }`: re-sync these products. Emitted with a delay when a workflow that
   * synced them is rolled back, so the sync reads Medusa's state after every compensation.
   */
  SYNC_REQUESTED: "catalog.sync_requested",
} as const

export type SyncRequestedData = { product_ids: string[] }

/** How long after a rollback the products are synced again. */
export const RESYNC_AFTER_ROLLBACK_MS = 2000

export type StockLowData = {
  product_id: string
  stock_quantity: number
  threshold: number
  /** Absent in events emitted before it was added. */
  sync_version?: string
}
