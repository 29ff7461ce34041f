import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buildCatalogRows } from "../../../lib/catalog/build-rows"

/** Reads products from Medusa's modules into catalog rows; reads only, nothing to undo. */
export const buildCatalogRowsStep = createStep(
  "catalog-build-rows",
  async (input: { product_ids: string[] }, { container }) => {
    return new StepResponse(await buildCatalogRows(container, input.product_ids))
  }
)
