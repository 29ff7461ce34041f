import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"

export type UntrackedOrder = { order_id: string; customer_id: string | null }

/**
 * The order when it has no lifecycle row yet (placed through Medusa's own routes), else
 * null (the engine's checkout made the row in the same workflow). Reads only.
 */
export const findUntrackedOrderStep = createStep(
  "order-find-untracked-order",
  async (input: { order_id: string }, { container }) => {
    const lifecycles = await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .listOrderLifecycles({ order_id: input.order_id }, { select: ["id"], take: 1 })
    if (lifecycles.length) {
      return new StepResponse<UntrackedOrder | null>(null)
    }
    const [order] = await container
      .resolve(Modules.ORDER)
      .listOrders({ id: input.order_id }, { select: ["id", "customer_id"], take: 1 })
    return new StepResponse<UntrackedOrder | null>(
      order ? { order_id: order.id, customer_id: order.customer_id ?? null } : null
    )
  }
)
