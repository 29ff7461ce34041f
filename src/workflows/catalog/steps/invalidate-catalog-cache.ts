import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { invalidateCatalogCache } from "../../../infra/catalog-cache"
import { invalidateCategoryTree } from "../../../queries/catalog/category-tree"

/**
 * Makes the next catalog read render afresh. Compensation invalidates again: the rows
 * the failed workflow wrote have been put back, and a read in between may have cached them.
 */
export const invalidateCatalogCacheStep = createStep(
  "catalog-invalidate-cache",
  async (_input: void, { container }) => {
    // Category counts change with products too (published, deleted, moved).
    await Promise.all([invalidateCatalogCache(container), invalidateCategoryTree(container)])
    return new StepResponse(undefined, true)
  },
  async (done, { container }) => {
    if (done) {
      await Promise.all([invalidateCatalogCache(container), invalidateCategoryTree(container)])
    }
  }
)
