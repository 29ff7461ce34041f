import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildCatalogRows } from "../../../queries/catalog/build-rows"
import { CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"

/**
 * Reads products from Medusa's modules into catalog rows. The sync's number is taken
 * first, so whatever this read sees is at least as new as any sync numbered lower.
 * Reads only, nothing to undo.
 */
export const buildCatalogRowsStep = createStep(
  "catalog-build-rows",
  async (input: { product_ids: string[] }, { container }) => {
    const version = await container.resolve<CatalogModuleService>(CATALOG_MODULE).nextSyncVersion()
    const { rows, missing } = await buildCatalogRows(container, input.product_ids)
    return new StepResponse({ rows, missing, version })
  }
)
