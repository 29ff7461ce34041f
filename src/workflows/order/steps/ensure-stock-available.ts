import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { queryGraph } from "../../../queries/graph"

export type StockCheck = {
  variant_id: string
  /** Everything the cart would then hold of this variant. */
  quantity: number
  title: string
}

type VariantRow = {
  id: string
  manage_inventory?: boolean
  allow_backorder?: boolean
  inventory_items?: { inventory_item_id: string; required_quantity: number }[]
}

type ChannelRow = { stock_locations?: { id: string }[] }

/**
 * 409 when a cart would hold more of a variant than can be sold now (stocked minus
 * reserved at the sales channel's locations). Advisory: nothing is held until checkout,
 * which checks again under the inventory locks. Reads only.
 */
export const ensureStockAvailableStep = createStep(
  "order-ensure-stock-available",
  async (input: { checks: StockCheck[]; sales_channel_id: string | null }, { container }) => {
    const checks = input.checks.filter((check) => check.quantity > 0)
    if (!checks.length) {
      return new StepResponse(undefined)
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const [{ data: variants }, { data: channels }] = await Promise.all([
      queryGraph<VariantRow>(container, {
        entity: "product_variant",
        fields: [
          "id",
          "manage_inventory",
          "allow_backorder",
          "inventory_items.inventory_item_id",
          "inventory_items.required_quantity",
        ],
        filters: { id: checks.map((check) => check.variant_id) },
      }),
      queryGraph<ChannelRow>(container, {
        entity: "sales_channel",
        fields: ["stock_locations.id"],
        filters: { id: input.sales_channel_id ? [input.sales_channel_id] : [] },
      }),
    ])
    const channel: ChannelRow | undefined = channels[0]
    const locationIds = (channel?.stock_locations ?? []).map((location) => location.id)
    const variantOf = new Map(variants.map((v) => [v.id, v]))

    for (const check of checks) {
      const variant = variantOf.get(check.variant_id)
      if (!variant?.manage_inventory || variant.allow_backorder) {
        continue
      }
      for (const link of variant.inventory_items ?? []) {
        const available = locationIds.length
          ? await inventory.retrieveAvailableQuantity(link.inventory_item_id, locationIds)
          : 0
        const needed = check.quantity * (link.required_quantity || 1)
        if (MathBN.lt(available, needed)) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Not enough stock for ${check.title}: ${check.quantity} requested, ${MathBN.convert(
              available
            )
              .dividedToIntegerBy(link.required_quantity || 1)
              .toString()} available`
          )
        }
      }
    }
    return new StepResponse(undefined)
  }
)
