import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rebuildLexiconStep } from "./steps/rebuild-lexicon"

/** Recounts the search lexicon after a backfill (the nightly job and `catalog:backfill`). */
export const rebuildCatalogLexiconWorkflow = createWorkflow("catalog-rebuild-lexicon", () => {
  rebuildLexiconStep()
  return new WorkflowResponse(undefined)
})
