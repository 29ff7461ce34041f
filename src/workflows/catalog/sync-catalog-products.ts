// placeholder: replaced by the catalog implementation on merge
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"

export type SyncCatalogProductsInput = { product_ids: string[] }

/** Re-syncs the catalog read model for the given products (placeholder: does nothing). */
export const syncCatalogProductsWorkflow = createWorkflow(
  "catalog-sync-products",
  (input: SyncCatalogProductsInput) => {
    return new WorkflowResponse(input)
  }
)
