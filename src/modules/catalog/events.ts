/** Events the catalog emits. */
export const CatalogEvents = {
  /** `{ product_id, stock_quantity, threshold }`: available stock fell below the threshold. */
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
