import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { CatalogEvents } from "../../modules/catalog/events"
import { buildCatalogRowsStep } from "./steps/build-catalog-rows"
import { invalidateCatalogCacheStep } from "./steps/invalidate-catalog-cache"
import { writeCatalogRowsStep } from "./steps/write-catalog-rows"

export type SyncCatalogProductsInput = { product_ids: string[] }

/**
 * Rebuilds the catalog rows of the given products from Medusa's modules. Idempotent, so
 * every writer (the catalog's own workflows, subscribers on Medusa's events, the
 * reconcile job) can simply ask for a sync. The products are locked while their rows are
 * read and written, so two syncs of one product cannot write an older state last.
 */
export const syncCatalogProductsWorkflow = createWorkflow(
  "catalog-sync-products",
  (input: SyncCatalogProductsInput) => {
    const lock = transform({ input }, ({ input }) => ({
      key: [...new Set(input.product_ids)].sort().map((id) => `catalog:product:${id}`),
      timeout: 30,
      ttl: 60,
      // Also when run inside another workflow: Medusa skips sub-workflow locks by default.
      executeOnSubWorkflow: true,
    }))
    acquireLockStep(lock)
    const built = buildCatalogRowsStep(input)
    const written = writeCatalogRowsStep(built)
    releaseLockStep(
      transform({ input }, ({ input }) => ({
        key: [...new Set(input.product_ids)].sort().map((id) => `catalog:product:${id}`),
        executeOnSubWorkflow: true,
      }))
    )
    invalidateCatalogCacheStep()
    when({ written }, ({ written }) => written.stock_low.length > 0).then(() => {
      emitEventStep({ eventName: CatalogEvents.STOCK_LOW, data: written.stock_low })
    })
    return new WorkflowResponse(written)
  }
)
