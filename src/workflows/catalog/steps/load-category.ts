import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type LoadedCategory = {
  id: string
  name: string
  handle: string
  parent_category_id: string | null
}

/** One category (404 when unknown or deleted). Reads only. */
export const loadCategoryStep = createStep(
  "catalog-category-load",
  async (input: { id: string }, { container }) => {
    const [category] = await container
      .resolve(Modules.PRODUCT)
      .listProductCategories(
        { id: input.id },
        { select: ["id", "name", "handle", "parent_category_id"], take: 1 }
      )
    if (!category) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Category with id ${input.id} was not found`
      )
    }
    return new StepResponse<LoadedCategory>({
      id: category.id,
      name: category.name,
      handle: category.handle,
      parent_category_id: category.parent_category_id ?? null,
    })
  }
)
