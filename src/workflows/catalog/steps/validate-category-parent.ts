import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type ValidateCategoryParentInput = {
  /** The category being moved; absent when creating one. */
  category_id?: string
  /** The new parent; null or absent (a root category) needs no check. */
  parent_id?: string | null
}

/**
 * The new parent must exist (404) and, for a move, must not be the category itself or
 * one of its descendants (409): Medusa's product module does not check that and would
 * write a cycle. Reads only.
 */
export const validateCategoryParentStep = createStep(
  "catalog-category-validate-parent",
  async (input: ValidateCategoryParentInput, { container }) => {
    if (!input.parent_id) {
      return new StepResponse(undefined)
    }
    const categories = await container
      .resolve(Modules.PRODUCT)
      .listProductCategories({}, { select: ["id", "parent_category_id"] })
    const parentOf = new Map(
      categories.map((category) => [category.id, category.parent_category_id ?? null])
    )
    if (!parentOf.has(input.parent_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Parent category with id ${input.parent_id} was not found`
      )
    }
    if (input.category_id) {
      // Walk up from the new parent: meeting the category means it would be its own ancestor.
      const seen = new Set<string>()
      let current: string | null | undefined = input.parent_id
      while (current && !seen.has(current)) {
        if (current === input.category_id) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            input.parent_id === input.category_id
              ? "A category cannot be its own parent"
              : "A category cannot be moved under one of its own descendants"
          )
        }
        seen.add(current)
        current = parentOf.get(current)
      }
    }
    return new StepResponse(undefined)
  }
)
