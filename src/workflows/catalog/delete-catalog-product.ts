import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import { loadCatalogProductStep } from "./steps/load-catalog-product"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

/**
 * DELETE /products/{id}: Medusa's soft delete (the product, its variants and links can be
 * restored by Medusa), then the catalog row goes.
 */
export const deleteCatalogProductWorkflow = createWorkflow(
  "catalog-delete-product",
  (input: { id: string }) => {
    loadCatalogProductStep(transform({ input }, ({ input }) => ({ id: input.id })))
    deleteProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ ids: [input.id] })),
    })
    syncCatalogProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ product_ids: [input.id] })),
    })
    return new WorkflowResponse({ id: input.id })
  }
)
