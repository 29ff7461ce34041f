import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { ensureCategoryHandleFreeStep } from "./steps/ensure-category-handle-free"
import { invalidateCategoryTreeStep } from "./steps/invalidate-category-tree"
import { listCategoryProductIdsStep } from "./steps/list-category-product-ids"
import { loadCategoryStep } from "./steps/load-category"
import { validateCategoryParentStep } from "./steps/validate-category-parent"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

export type UpdateCategoryInput = {
  id: string
  name?: string
  handle?: string
  description?: string | null
  /** null moves the category to the root. */
  parent_id?: string | null
  is_active?: boolean
  is_internal?: boolean
  rank?: number
}

/**
 * PUT /products/categories/{id}: 404 for an unknown category, 404 for an unknown parent,
 * 409 for a move under itself or a descendant and for a taken handle; then Medusa's
 * updateProductCategoriesWorkflow (its step restores the previous values on failure),
 * the catalog re-sync of the products in the category or below it (names and paths are
 * part of their search text) and the tree cache invalidation.
 */
export const updateCategoryWorkflow = createWorkflow(
  "catalog-category-update",
  (input: UpdateCategoryInput) => {
    const category = loadCategoryStep({ id: input.id })
    validateCategoryParentStep({ category_id: input.id, parent_id: input.parent_id })
    ensureCategoryHandleFreeStep({ handle: input.handle, category_id: input.id })

    const update = transform({ input }, ({ input }) => {
      const { id, parent_id, ...fields } = input
      const changes: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(fields)) {
        if (value !== undefined) {
          changes[key] = value
        }
      }
      if (parent_id !== undefined) {
        changes.parent_category_id = parent_id
      }
      return { selector: { id }, update: changes }
    })
    updateProductCategoriesWorkflow.runAsStep({ input: update })

    const productIds = listCategoryProductIdsStep({ category_id: input.id })
    const sync = transform({ productIds }, ({ productIds }) => ({ product_ids: productIds }))
    syncCatalogProductsWorkflow.runAsStep({ input: sync })
    invalidateCategoryTreeStep()

    return new WorkflowResponse(category)
  }
)
