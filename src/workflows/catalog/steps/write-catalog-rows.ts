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
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"
import type { CatalogRow } from "../../../modules/catalog/types"
import { catalogCacheEffect, type CatalogCacheEffect } from "../../../utils/catalog/cache-effect"
import { stockLowCrossings, type StockLowEvent } from "../../../utils/catalog/stock"

export type { StockLowEvent }

type Undo = { previous: CatalogRow[]; created: string[] }

export type WrittenCatalogRows = {
  stock_low: StockLowEvent[]
  product_ids: string[]
  /** What the cached catalog answers must forget (applied by refreshCatalogCacheStep). */
  cache: CatalogCacheEffect
}

/**
 * Writes the rows and removes the rows of deleted products (unless a later sync got there
 * first: see CatalogModuleService.writeRows). Reports the products whose
 * available stock has just fallen below the low-stock threshold (stockLowCrossings), and
 * what the cached answers must forget (catalogCacheEffect).
 */
export const writeCatalogRowsStep = createStep(
  "catalog-write-rows",
  async (input: { rows: CatalogRow[]; missing: string[]; version: string }, { container }) => {
    const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
    const ids = [...input.rows.map((row) => row.id), ...input.missing]
    // What compensation puts back (read before the write).
    const before = await catalog.findRows(ids)
    const written = await catalog.writeRows(input.rows, input.missing, input.version)

    const active = new Set(input.rows.filter((row) => row.is_active).map((row) => row.id))
    const stockLow = stockLowCrossings(
      written.rows.map((row) => ({ ...row, is_active: active.has(row.id) })),
      catalogSettings().lowStockThreshold,
      input.version
    )

    return new StepResponse<WrittenCatalogRows, Undo>(
      {
        stock_low: stockLow,
        product_ids: ids,
        cache: catalogCacheEffect(written.rows, written.removed.length),
      },
      {
        previous: before.map((entry) => entry.row),
        created: written.rows.filter((row) => !row.existed).map((row) => row.id),
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
    await catalog.restoreRows(undo.previous, undo.created, await catalog.nextSyncVersion())
    // The refresh step's compensation ran before this one (reverse order): a read in
    // between may have cached the rows being put back.
    await container.resolve<PlatformModuleService>(PLATFORM_MODULE).invalidateCatalogCache()
    // The compensations of earlier steps (Medusa's own) run after this one and may emit no
    // event, so ask for a sync once the rollback is over: it reads the final state.
    const productIds = [...undo.previous.map((row) => row.id), ...undo.created]
    if (productIds.length) {
      const data: SyncRequestedData = { product_ids: productIds }
      await container
        .resolve(Modules.EVENT_BUS)
        .emit({ name: CatalogEvents.SYNC_REQUESTED, data }, { delay: RESYNC_AFTER_ROLLBACK_MS })
    }
  }
)
