import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { primaryVariant } from "../../../queries/catalog/build-rows"
import { queryGraph } from "../../../queries/graph"

export type PurchaseRequest = { product_id: string; quantity: number }

export type PurchasableItem = {
  product_id: string
  title: string
  variant_id: string
  quantity: number
}

type ProductRow = {
  id: string
  title: string
  status: string
  variants?: { id: string; variant_rank?: number | null; created_at: string | Date }[]
}

/**
 * The variant each requested product sells (its primary variant, as the catalog shows it)
 * with the requested quantities summed per product. An unknown, deleted or unpublished
 * product, or one without a variant, is a 404. Reads only.
 */
export const resolvePurchasableItemsStep = createStep(
  "order-resolve-purchasable-items",
  async (input: { items: PurchaseRequest[] }, { container }) => {
    const quantities = new Map<string, number>()
    for (const item of input.items) {
      quantities.set(item.product_id, (quantities.get(item.product_id) ?? 0) + item.quantity)
    }
    const { data } = await queryGraph<ProductRow>(container, {
      entity: "product",
      fields: [
        "id",
        "title",
        "status",
        "variants.id",
        "variants.variant_rank",
        "variants.created_at",
      ],
      filters: { id: [...quantities.keys()] },
    })
    const products = new Map(data.map((p) => [p.id, p]))
    const resolved = [...quantities].map(([productId, quantity]) => {
      const product = products.get(productId)
      const variant = product?.status === "published" ? primaryVariant(product.variants) : undefined
      if (!product || !variant) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
      }
      return { product_id: productId, title: product.title, variant_id: variant.id, quantity }
    })
    return new StepResponse<PurchasableItem[]>(resolved)
  }
)
