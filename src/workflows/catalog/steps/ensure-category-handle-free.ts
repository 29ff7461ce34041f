import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** 409 when another (not deleted) category has the handle. Reads only. */
export const ensureCategoryHandleFreeStep = createStep(
  "catalog-category-ensure-handle-free",
  async (input: { handle?: string; category_id?: string }, { container }) => {
    if (!input.handle) {
      return new StepResponse(undefined)
    }
    const [existing] = await container
      .resolve(Modules.PRODUCT)
      .listProductCategories({ handle: input.handle }, { select: ["id"], take: 1 })
    if (existing && existing.id !== input.category_id) {
      throw new MedusaError(
        MedusaError.Types.DUPLICATE_ERROR,
        `A category with the handle "${input.handle}" already exists`
      )
    }
    return new StepResponse(undefined)
  }
)
