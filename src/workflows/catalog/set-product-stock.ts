import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createInventoryLevelsWorkflow,
  releaseLockStep,
  updateInventoryLevelsWorkflow,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { inventoryLockKey } from "../../utils/catalog/locks"
import { planStockChangeStep, type StockChangeInput } from "./steps/plan-stock-change"

export type SetProductStockInput = StockChangeInput & { product_id: string }

/**
 * A product's stock at one location, set (available units) or adjusted (a delta). The
 * level is read and written under the inventory item's lock, the same lock checkout
 * takes, so an adjustment never works from a stale level and two adjustments never lose
 * one another. The write is Medusa's inventory workflows (with their events).
 */
export const setProductStockWorkflow = createWorkflow(
  "catalog-set-product-stock",
  (input: SetProductStockInput) => {
    const lock = transform({ input }, ({ input }) => ({
      key: inventoryLockKey(input.inventory_item_id ?? input.product_id),
      timeout: 10,
      ttl: 30,
      // Also when run inside another workflow: Medusa skips sub-workflow locks by default.
      executeOnSubWorkflow: true,
    }))
    const ownedLock = acquireOwnedLockStep(lock)
    const plan = planStockChangeStep(input)
    when({ plan }, ({ plan }) => plan.level_exists).then(() => {
      updateInventoryLevelsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({
          updates: [
            {
              inventory_item_id: plan.inventory_item_id,
              location_id: plan.location_id,
              stocked_quantity: plan.stocked_quantity,
            },
          ],
        })),
      })
    })
    when({ plan }, ({ plan }) => !plan.level_exists).then(() => {
      createInventoryLevelsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({
          inventory_levels: [
            {
              inventory_item_id: plan.inventory_item_id,
              location_id: plan.location_id,
              stocked_quantity: plan.stocked_quantity,
            },
          ],
        })),
      })
    })
    releaseLockStep(
      // The key again from the input: `lock` read from inside another value loses its
      // `key` field to Medusa's workflow SDK (docs/DECISIONS.md, "Workflow locks are the
      // run's own").
      transform({ input, ownedLock }, ({ input, ownedLock }) => ({
        key: inventoryLockKey(input.inventory_item_id ?? input.product_id),
        ownerId: ownedLock.owner_id,
        executeOnSubWorkflow: true,
      }))
    )
    return new WorkflowResponse(plan)
  }
)
