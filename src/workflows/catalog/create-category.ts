import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { kebabCase } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow } from "@medusajs/medusa/core-flows"
import { ensureCategoryHandleFreeStep } from "./steps/ensure-category-handle-free"
import { invalidateCategoryTreeStep } from "./steps/invalidate-category-tree"
import { validateCategoryParentStep } from "./steps/validate-category-parent"

export type CreateCategoryInput = {
  name: string
  /** Defaults to the name in kebab case, as Medusa derives it. */
  handle?: string
  description?: string | null
  parent_id?: string | null
  is_active?: boolean
  is_internal?: boolean
  rank?: number
}

/**
 * POST /products/categories: checks the parent (404) and the handle (409), then Medusa's
 * createProductCategoriesWorkflow (its step deletes the category if a later step fails),
 * then drops the cached trees. A new category has no products: nothing to re-sync.
 */
export const createCategoryWorkflow = createWorkflow(
  "catalog-category-create",
  (input: CreateCategoryInput) => {
    const handle = transform({ input }, ({ input }) => input.handle ?? kebabCase(input.name))
    validateCategoryParentStep({ parent_id: input.parent_id })
    ensureCategoryHandleFreeStep({ handle })

    const create = transform({ input, handle }, ({ input, handle }) => ({
      product_categories: [
        {
          name: input.name,
          handle,
          description: input.description ?? undefined,
          parent_category_id: input.parent_id ?? null,
          is_active: input.is_active ?? true,
          is_internal: input.is_internal ?? false,
          ...(input.rank !== undefined ? { rank: input.rank } : {}),
        },
      ],
    }))
    const created = createProductCategoriesWorkflow.runAsStep({ input: create })
    invalidateCategoryTreeStep()

    const category = transform({ created }, ({ created }) => ({ id: created[0].id }))
    return new WorkflowResponse(category)
  }
)
