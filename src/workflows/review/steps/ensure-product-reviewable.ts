import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type EnsureProductReviewableInput = { product_id: string }

/** 404 unless the product exists and is published (read only: nothing to undo). */
export const ensureProductReviewableStep = createStep(
  "review-ensure-product-reviewable",
  async (input: EnsureProductReviewableInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "status"],
      filters: { id: input.product_id },
    })
    const product = data[0] as { id: string; status: string } | undefined
    if (!product || product.status !== ProductStatus.PUBLISHED) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Product with id: ${input.product_id} was not found`
      )
    }
    return new StepResponse(undefined)
  }
)
