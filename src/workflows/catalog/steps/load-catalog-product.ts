import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { primaryVariant } from "../../../queries/catalog/build-rows"
import { queryGraph } from "../../../queries/graph"

export type LoadedProduct = {
  id: string
  variant_id: string | null
  inventory_item_id: string | null
  prices: { id: string; amount: number; currency_code: string; rules_count?: number | null }[]
}

type Source = {
  id: string
  variants?: {
    id: string
    variant_rank?: number | null
    created_at: string | Date
    prices?: LoadedProduct["prices"]
    inventory_items?: { inventory_item_id: string }[] | null
  }[]
}

/** The product a change is for (404 when unknown or deleted), with its primary variant. */
export const loadCatalogProductStep = createStep(
  "catalog-load-product",
  async (input: { id: string }, { container }) => {
    const { data } = await queryGraph<Source>(container, {
      entity: "product",
      fields: [
        "id",
        "variants.id",
        "variants.variant_rank",
        "variants.created_at",
        "variants.prices.id",
        "variants.prices.amount",
        "variants.prices.currency_code",
        "variants.prices.rules_count",
        "variants.inventory_items.inventory_item_id",
      ],
      filters: { id: input.id },
    })
    const product: Source | undefined = data[0]
    if (!product) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${input.id} was not found`)
    }
    const variant = primaryVariant(product.variants)
    return new StepResponse<LoadedProduct>({
      id: product.id,
      variant_id: variant?.id ?? null,
      inventory_item_id: variant?.inventory_items?.[0]?.inventory_item_id ?? null,
      prices: variant?.prices ?? [],
    })
  }
)
