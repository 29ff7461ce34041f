import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { invalidateCatalogCacheStep } from "./steps/invalidate-catalog-cache"
import { rebuildLexiconStep } from "./steps/rebuild-lexicon"

/**
 * Recounts the search lexicon after a backfill (the nightly job and `catalog:backfill`).
 * The searches' typo corrections come from it (their tsquery is kept per catalog
 * generation), so a new generation starts: a word the recount dropped, or whose count
 * changed the nearest corrections, is not searched for with the old ones until the next
 * catalog write.
 */
export const rebuildCatalogLexiconWorkflow = createWorkflow("catalog-rebuild-lexicon", () => {
  rebuildLexiconStep()
  invalidateCatalogCacheStep()
  return new WorkflowResponse(undefined)
})
