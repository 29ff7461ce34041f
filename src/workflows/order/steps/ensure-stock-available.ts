import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { loadVariantStock } from "../../../queries/order/stock-availability"

export type StockCheck = {
  variant_id: string
  /** Everything the cart would then hold of this variant. */
  quantity: number
  title: string
}

/**
 * 409 when a cart would hold more of a variant than can be sold now (stocked minus
 * reserved at the sales channel's locations), read in one statement. Advisory: nothing is
 * held until checkout, which checks again under the inventory locks. Reads only.
 */
export const ensureStockAvailableStep = createStep(
  "order-ensure-stock-available",
  async (input: { checks: StockCheck[]; sales_channel_id: string | null }, { container }) => {
    const checks = input.checks.filter((check) => check.quantity > 0)
    const stock = await loadVariantStock(
      container,
      checks.map((check) => check.variant_id),
      input.sales_channel_id
    )
    for (const check of checks) {
      for (const item of stock.filter((row) => row.variant_id === check.variant_id)) {
        if (!item.manage_inventory || item.allow_backorder || !item.inventory_item_id) {
          continue
        }
        const perUnit = item.required_quantity || 1
        if (item.available < check.quantity * perUnit) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Not enough stock for ${check.title}: ${check.quantity} requested, ${Math.max(
              0,
              Math.floor(item.available / perUnit)
            )} available`
          )
        }
      }
    }
    return new StepResponse(undefined)
  }
)
