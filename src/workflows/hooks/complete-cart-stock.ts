import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import {
  summedStockNeeds,
  uncoveredItems,
  type StockedCartLine,
} from "../../utils/order/cart-stock"

type CompletingCart = {
  completed_at?: Date | string | null
  sales_channel_id?: string | null
  items?: StockedCartLine[] | null
}

/**
 * `/store/carts/{id}/complete` (Medusa's completeCartWorkflow) checks stock line by line:
 * its inventory module compares each reservation with what was available before any of
 * them, so two lines sharing an inventory item (one variant twice, or two variants of one
 * item) each fit and together exceed the stock. Before Medusa reserves, the summed need
 * per item must fit at one location of the cart's sales channel, as the engine's own
 * checkout requires (src/workflows/order/steps/reserve-stock.ts); else the completion is
 * refused with Medusa's own "not enough stock" error and nothing is created. A cart
 * already completed (a repeated call returns its order) is not checked again.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const completing = cart as unknown as CompletingCart
  if (completing.completed_at) {
    return
  }
  const needs = summedStockNeeds(completing.items ?? [])
  if (!needs.size || !completing.sales_channel_id) {
    return
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "sales_channel",
    fields: ["stock_locations.id"],
    filters: { id: completing.sales_channel_id },
  })
  const channel = data[0] as { stock_locations?: { id: string }[] } | undefined
  const locationIds = (channel?.stock_locations ?? []).map((location) => location.id)
  const levels = locationIds.length
    ? await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels(
          { inventory_item_id: [...needs.keys()], location_id: locationIds },
          { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
        )
    : []
  const available = levels.map((level) => ({
    inventory_item_id: level.inventory_item_id,
    available: MathBN.sub(level.stocked_quantity, level.reserved_quantity).toNumber(),
  }))
  const short = uncoveredItems(needs, available)
  if (short.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Not enough stock available for item ${short.join(", ")}: the cart's lines need more together`
    )
  }
})
