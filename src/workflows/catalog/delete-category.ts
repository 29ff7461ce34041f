import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { ensureCategoryDeletableStep } from "./steps/ensure-category-deletable"
import { invalidateCategoryTreeStep } from "./steps/invalidate-category-tree"
import { listCategoryProductIdsStep } from "./steps/list-category-product-ids"
import { loadCategoryStep } from "./steps/load-category"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

/**
 * DELETE /products/categories/{id}: 404 when unknown, 409 while it has child categories;
 * then Medusa's deleteProductCategoriesWorkflow (soft delete, restored on failure; the
 * products it held no longer list it), the catalog re-sync of those products and the tree
 * cache invalidation.
 */
export const deleteCategoryWorkflow = createWorkflow(
  "catalog-category-delete",
  (input: { id: string }) => {
    loadCategoryStep({ id: input.id })
    ensureCategoryDeletableStep({ id: input.id })
    const productIds = listCategoryProductIdsStep({ category_id: input.id })

    const ids = transform({ input }, ({ input }) => [input.id])
    deleteProductCategoriesWorkflow.runAsStep({ input: ids })

    const sync = transform({ productIds }, ({ productIds }) => ({ product_ids: productIds }))
    syncCatalogProductsWorkflow.runAsStep({ input: sync })
    invalidateCategoryTreeStep()

    return new WorkflowResponse(input)
  }
)
