import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"
import type { StatusActor } from "../../../modules/order-lifecycle/types"

export type CreateOrderLifecycleInput = {
  order_id: string
  customer_id: string | null
  /** Null for an order whose stock Medusa reserved itself (no hold to expire). */
  hold_expires_at: Date | null
  actor: StatusActor
  note?: string | null
}

/**
 * A new order's lifecycle row (pending, with its stock hold's end) and the first entry of
 * its history. Compensation deletes both.
 */
export const createOrderLifecycleStep = createStep(
  "order-create-lifecycle",
  async (input: CreateOrderLifecycleInput, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const lifecycle = await service.createOrderLifecycles({
      order_id: input.order_id,
      customer_id: input.customer_id,
      status: "pending",
      hold_expires_at: input.hold_expires_at,
    })
    const change = await service.createOrderStatusChanges({
      order_id: input.order_id,
      from_status: null,
      to_status: "pending",
      actor_type: input.actor.type,
      actor_id: input.actor.id,
      note: input.note ?? null,
    })
    return new StepResponse(
      { lifecycle, change },
      { lifecycle_id: lifecycle.id, change_id: change.id }
    )
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    await service.deleteOrderStatusChanges(created.change_id)
    await service.deleteOrderLifecycles(created.lifecycle_id)
  }
)
