import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The products whose variants use these inventory items (for a catalog sync). Reads only. */
export const listProductsOfInventoryItemsStep = createStep(
  "order-list-products-of-inventory-items",
  async (input: { inventory_item_ids: string[] }, { container }) => {
    if (!input.inventory_item_ids.length) {
      return new StepResponse<string[]>([])
    }
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "inventory_item",
      fields: ["variants.product_id"],
      filters: { id: input.inventory_item_ids },
    })
    const items = data as { variants?: { product_id?: string | null }[] | null }[]
    const ids = items.flatMap((item) => (item.variants ?? []).map((v) => v.product_id))
    return new StepResponse([...new Set(ids.filter((id): id is string => !!id))])
  }
)
