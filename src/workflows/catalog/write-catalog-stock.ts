import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CatalogEvents } from "../../modules/catalog/events"
import { readCatalogStockStep, type ReadCatalogStockInput } from "./steps/read-catalog-stock"
import { writeCatalogStockStep, type WriteCatalogStockInput } from "./steps/write-catalog-stock"

/**
 * Composition helpers (called inside another workflow's definition, not workflows of their
 * own): a sub-workflow run as a step costs a read of Medusa's workflow_execution table, and
 * checkout's statements are counted (docs/PERFORMANCE.md).
 */

/**
 * Writes stock a workflow already read (numbered before it read it) into the catalog, and
 * emits the low-stock alerts it causes (none: no event). Checkout uses it with the levels it
 * read under the inventory locks, numbered in that same read: one statement, this write.
 */
export function writeCatalogStock(input: WorkflowData<WriteCatalogStockInput>) {
  const written = writeCatalogStockStep(input)
  emitEventStep({ eventName: CatalogEvents.STOCK_LOW, data: written.stock_low }).config({
    name: "emit-catalog-stock-low",
  })
  return written
}

/**
 * Brings the catalog's stock of products (given directly or by inventory item) up to date
 * from Medusa's inventory before the workflow answers: the number, one read, one write
 * (docs/CATALOG.md, "Keeping the read model right"). For workflows that change stock
 * through Medusa's own workflows (order cancellation, hold expiry).
 */
export function refreshCatalogStock(input: WorkflowData<ReadCatalogStockInput>) {
  return writeCatalogStock(readCatalogStockStep(input))
}
