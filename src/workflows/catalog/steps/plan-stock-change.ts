import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type StockChangeInput = {
  inventory_item_id: string | null
  location_id: string
  /** Units available to sell after the change (stocked = this + reserved). */
  stock_quantity?: number
  /** Units added to (or, negative, taken from) the stock. */
  stock_adjustment?: number
}

export type StockPlan = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  level_exists: boolean
}

/**
 * Turns the requested stock into the level's new stocked quantity, read inside the
 * inventory item's lock: `stock_quantity` is what is available, so reservations are
 * added on top; an adjustment that would leave less than what is reserved is a 409.
 * Reads only; the write is Medusa's inventory workflow.
 */
export const planStockChangeStep = createStep(
  "catalog-plan-stock-change",
  async (input: StockChangeInput, { container }) => {
    if (!input.inventory_item_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This product does not track inventory, so its stock cannot be set"
      )
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const [level] = await inventory.listInventoryLevels(
      { inventory_item_id: input.inventory_item_id, location_id: input.location_id },
      { take: 1 }
    )
    const stocked = Number(level?.stocked_quantity ?? 0)
    const reserved = Number(level?.reserved_quantity ?? 0)
    const target =
      input.stock_quantity !== undefined
        ? input.stock_quantity + reserved
        : stocked + (input.stock_adjustment ?? 0)
    if (target < reserved) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Stock cannot go below what is reserved: ${stocked - reserved} available, adjustment ${input.stock_adjustment}`
      )
    }
    return new StepResponse<StockPlan>({
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      stocked_quantity: target,
      level_exists: Boolean(level),
    })
  }
)
