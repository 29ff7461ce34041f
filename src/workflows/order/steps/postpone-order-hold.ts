import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"

/**
 * Moves a pending order's hold end to `until` (nothing for an order no longer pending).
 * Compensation restores the previous end.
 */
export const postponeOrderHoldStep = createStep(
  "order-postpone-hold",
  async (input: { order_id: string; until: Date }, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const [lifecycle] = await service.listOrderLifecycles(
      { order_id: input.order_id, status: "pending" },
      { take: 1 }
    )
    if (!lifecycle) {
      return new StepResponse(false, null)
    }
    await service.updateOrderLifecycles({ id: lifecycle.id, hold_expires_at: input.until })
    return new StepResponse(true, { id: lifecycle.id, previous: lifecycle.hold_expires_at })
  },
  async (postponed, { container }) => {
    if (!postponed) {
      return
    }
    await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .updateOrderLifecycles({
        id: postponed.id,
        hold_expires_at: postponed.previous ? new Date(postponed.previous) : null,
      })
  }
)
