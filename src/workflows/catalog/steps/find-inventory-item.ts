import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The inventory item Medusa created for a new product's variant. Reads only. */
export const findInventoryItemStep = createStep(
  "catalog-find-inventory-item",
  async (input: { variant_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "inventory_items.inventory_item_id"],
      filters: { id: input.variant_id },
    })
    const variant = data[0] as { inventory_items?: { inventory_item_id: string }[] } | undefined
    return new StepResponse(variant?.inventory_items?.[0]?.inventory_item_id ?? null)
  }
)
