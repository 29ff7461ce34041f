import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CatalogEvents } from "../../modules/catalog/events"
import { buildCatalogRowsStep } from "./steps/build-catalog-rows"
import { refreshCatalogCacheStep } from "./steps/refresh-catalog-cache"
import { writeCatalogRowsStep } from "./steps/write-catalog-rows"

export type SyncCatalogProductsInput = { product_ids: string[] }

/**
 * Rebuilds the catalog rows of the given products from Medusa's modules. Idempotent, so
 * every writer (the catalog's own workflows, subscribers on Medusa's events, the
 * reconcile job) can simply ask for a sync. Syncs are numbered before they read, and a
 * row only takes a write from a later-numbered sync, so concurrent syncs of one product
 * never leave the older state behind, without locks to wait for.
 */
export const syncCatalogProductsWorkflow = createWorkflow(
  "catalog-sync-products",
  (input: SyncCatalogProductsInput) => {
    const built = buildCatalogRowsStep(input)
    const written = writeCatalogRowsStep(built)
    refreshCatalogCacheStep(written.cache)
    when({ written }, ({ written }) => written.stock_low.length > 0).then(() => {
      emitEventStep({ eventName: CatalogEvents.STOCK_LOW, data: written.stock_low })
    })
    return new WorkflowResponse(written)
  }
)
