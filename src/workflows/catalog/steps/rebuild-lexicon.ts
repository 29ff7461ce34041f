import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"

/**
 * Recounts the typo-correction lexicon from the catalog rows, in one transaction. No
 * compensation: the lexicon is derived data, and a recount is right whenever it runs, so
 * there is nothing to undo.
 */
export const rebuildLexiconStep = createStep(
  "catalog-rebuild-lexicon",
  async (_input: void, { container }) => {
    await container.resolve<CatalogModuleService>(CATALOG_MODULE).rebuildLexicon()
    return new StepResponse(undefined)
  }
)
