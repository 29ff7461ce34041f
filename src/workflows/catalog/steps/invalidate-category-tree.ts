import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { invalidateCategoryTree } from "../../../queries/catalog/category-tree"

/**
 * Drops the cached category trees after a category write. Its compensation drops them
 * again, so a tree read between this step and a later failure is not kept.
 */
export const invalidateCategoryTreeStep = createStep(
  "catalog-category-invalidate-tree",
  async (_input: void, { container }) => {
    await invalidateCategoryTree(container)
    return new StepResponse(undefined, true)
  },
  async (invalidated, { container }) => {
    if (invalidated) {
      await invalidateCategoryTree(container)
    }
  }
)
