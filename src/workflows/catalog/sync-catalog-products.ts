// placeholder: replaced by the catalog implementation on merge
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type SyncCatalogProductsInput = { product_ids: string[] }

/** Rebuilds the catalog rows of the given products (placeholder: returns its input). */
export const syncCatalogProductsWorkflow = createWorkflow(
  "catalog-sync-products",
  (input: SyncCatalogProductsInput) => new WorkflowResponse(input)
)
