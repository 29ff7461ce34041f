import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import { loadCatalogStock } from "../../../queries/catalog/live-stock"

export type ReadCatalogStockInput = { product_ids?: string[]; inventory_item_ids?: string[] }

/**
 * The current stock of products as the catalog shows it, read from Medusa's inventory in
 * one statement, numbered first (like a sync: whatever this read sees is at least as new as
 * any write numbered lower). Reads only, nothing to undo.
 */
export const readCatalogStockStep = createStep(
  "catalog-read-stock",
  async (input: ReadCatalogStockInput, { container }) => {
    if (!input.product_ids?.length && !input.inventory_item_ids?.length) {
      return new StepResponse({ version: "0", stock: [] })
    }
    const version = await container.resolve<CatalogModuleService>(CATALOG_MODULE).nextSyncVersion()
    const stock = await loadCatalogStock(container, input)
    return new StepResponse({ version, stock })
  }
)
