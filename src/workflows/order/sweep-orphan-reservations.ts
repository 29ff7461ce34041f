import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncCatalogProductsWorkflow } from "../catalog/sync-catalog-products"
import {
  deleteOrphanReservationsStep,
  type DeleteOrphanReservationsInput,
} from "./steps/delete-orphan-reservations"
import { listProductsOfInventoryItemsStep } from "./steps/list-products-of-inventory-items"

/**
 * Deletes one batch of checkout reservations that never reached their order (a checkout
 * that crashed between reserving and finishing) and syncs the catalog rows of their
 * products, whose stock comes back as cancellation's does. The result is the sweep
 * (src/tasks/order/sweep-orphan-reservations.ts runs batches until none is left).
 */
export const sweepOrphanReservationsWorkflow = createWorkflow(
  "order-sweep-orphan-reservations",
  (input: DeleteOrphanReservationsInput) => {
    const sweep = deleteOrphanReservationsStep(input)
    const productIds = listProductsOfInventoryItemsStep({
      inventory_item_ids: sweep.inventory_item_ids,
    })
    when({ productIds }, ({ productIds }) => productIds.length > 0).then(() => {
      syncCatalogProductsWorkflow.runAsStep({ input: { product_ids: productIds } })
    })
    return new WorkflowResponse(sweep)
  }
)
