import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { catalogSettings } from "../../../config/catalog"
import { CATALOG_MODULE } from "../../../modules/catalog"
import {
  CatalogEvents,
  RESYNC_AFTER_ROLLBACK_MS,
  type SyncRequestedData,
} from "../../../modules/catalog/events"
import type CatalogModuleService from "../../../modules/catalog/service"
import type { CatalogStock } from "../../../modules/catalog/types"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"
import { catalogCacheEffect } from "../../../utils/catalog/cache-effect"
import { stockLowCrossings, type StockLowEvent } from "../../../utils/catalog/stock"
import { applyCatalogCacheEffect } from "./refresh-catalog-cache"

export type WriteCatalogStockInput = {
  /** Taken before the stock was read (CatalogModuleService.nextSyncVersion). */
  version: string
  stock: CatalogStock[]
}

/**
 * Writes products' stock into the catalog (the stock columns only, one statement) and
 * makes the next catalog reads of these products render afresh (every read when one went
 * in or out of stock: utils/catalog/cache-effect.ts), so a workflow that changed stock
 * answers only once the catalog shows it. A row whose stock a later-numbered write set is left alone.
 * Reports the low-stock crossings, as a sync would, and the products it wrote: a row whose
 * variant is no longer the one read, or whose stock a later-numbered write set, is not.
 *
 * Compensation: the stock written was Medusa's at the time; the rollback around it changes
 * that (the compensations of earlier steps run after this one), so the cache is cleared
 * and a sync of these products is asked for once the rollback is over, as a rolled-back
 * sync does (write-catalog-rows.ts).
 */
export const writeCatalogStockStep = createStep(
  "catalog-write-stock",
  async (input: WriteCatalogStockInput, { container }) => {
    const written = await container
      .resolve<CatalogModuleService>(CATALOG_MODULE)
      .writeStock(input.stock, input.version)
    await applyCatalogCacheEffect(container, catalogCacheEffect(written, 0))
    const stockLow = stockLowCrossings(written, catalogSettings().lowStockThreshold, input.version)
    const productIds = written.map((row) => row.id)
    return new StepResponse<{ stock_low: StockLowEvent[]; product_ids: string[] }, string[]>(
      { stock_low: stockLow, product_ids: productIds },
      productIds
    )
  },
  async (productIds, { container }) => {
    if (!productIds?.length) {
      return
    }
    await container.resolve<PlatformModuleService>(PLATFORM_MODULE).invalidateCatalogCache()
    const data: SyncRequestedData = { product_ids: productIds }
    await container
      .resolve(Modules.EVENT_BUS)
      .emit({ name: CatalogEvents.SYNC_REQUESTED, data }, { delay: RESYNC_AFTER_ROLLBACK_MS })
  }
)
