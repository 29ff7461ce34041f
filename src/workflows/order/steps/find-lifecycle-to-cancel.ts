import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { isCancellable } from "../../../utils/order/status-machine"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord } from "../../../modules/order-lifecycle/types"

/**
 * The order's lifecycle row when Medusa's order is cancelled and the row is still in a
 * cancellable status (null otherwise, or when the order is not tracked). Medusa's own
 * status is checked because
 * the event can outlive a cancellation that was rolled back (Medusa releases a finished
 * sub-workflow's events even when the workflow around it fails). Reads only.
 */
export const findLifecycleToCancelStep = createStep(
  "order-find-lifecycle-to-cancel",
  async (input: { order_id: string }, { container }) => {
    const [lifecycle] = await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .listOrderLifecycles({ order_id: input.order_id }, { take: 1 })
    // Only from a status that can still be cancelled: a refund before shipping cancels
    // Medusa's order too, and the engine's "refunded" must stay.
    if (!lifecycle || !isCancellable(lifecycle.status)) {
      return new StepResponse<OrderLifecycleRecord | null>(null)
    }
    const [order] = await container
      .resolve(Modules.ORDER)
      .listOrders({ id: input.order_id }, { select: ["id", "status"], take: 1 })
    return new StepResponse<OrderLifecycleRecord | null>(
      order?.status === "canceled" ? lifecycle : null
    )
  }
)
