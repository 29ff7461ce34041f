import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, ProductStatus } from "@medusajs/framework/utils"
import {
  loadPurchaseVariants,
  type PurchaseVariant,
} from "../../../queries/order/purchase-variants"

export type PurchaseRequest = { product_id: string; quantity: number }

export type PurchasableItem = {
  product_id: string
  title: string
  variant_id: string
  quantity: number
  /** The variant as a cart line copies it, so pricing need not read it again. */
  variant: PurchaseVariant
}

/**
 * The variant each requested product sells (its primary variant, as the catalog shows it)
 * with the requested quantities summed per product, in one read. An unknown, deleted or
 * unpublished product, or one without a variant, is a 404. Reads only.
 */
export const resolvePurchasableItemsStep = createStep(
  "order-resolve-purchasable-items",
  async (input: { items: PurchaseRequest[] }, { container }) => {
    const quantities = new Map<string, number>()
    for (const item of input.items) {
      quantities.set(item.product_id, (quantities.get(item.product_id) ?? 0) + item.quantity)
    }
    const variants = await loadPurchaseVariants(container, { product_ids: [...quantities.keys()] })
    const variantOf = new Map(variants.map((variant) => [variant.product.id, variant]))
    const resolved = [...quantities].map(([productId, quantity]) => {
      const variant = variantOf.get(productId)
      if (!variant || variant.product.status !== ProductStatus.PUBLISHED) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
      }
      return {
        product_id: productId,
        title: variant.product.title,
        variant_id: variant.id,
        quantity,
        variant,
      }
    })
    return new StepResponse<PurchasableItem[]>(resolved)
  }
)
