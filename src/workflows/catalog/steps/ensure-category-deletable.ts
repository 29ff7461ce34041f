import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** 409 while the category has child categories: they are deleted or moved first. */
export const ensureCategoryDeletableStep = createStep(
  "catalog-category-ensure-deletable",
  async (input: { id: string }, { container }) => {
    const children = await container
      .resolve(Modules.PRODUCT)
      .listProductCategories({ parent_category_id: input.id }, { select: ["id"], take: 1 })
    if (children.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "The category has child categories: delete or move them first"
      )
    }
    return new StepResponse(undefined)
  }
)
