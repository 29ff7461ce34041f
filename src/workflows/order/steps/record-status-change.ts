import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORDER_LIFECYCLE_MODULE } from "../../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../../modules/order-lifecycle/service"
import type {
  OrderLifecycleRecord,
  OrderStatus,
  StatusActor,
} from "../../../modules/order-lifecycle/types"

export type RecordStatusChangeInput = {
  lifecycle: OrderLifecycleRecord
  to: OrderStatus
  actor: StatusActor
  note?: string | null
}

/**
 * Moves the order's status and appends the change to its history. A status other than
 * pending holds no stock, so the hold's end is cleared. Compensation restores the previous
 * status and hold and deletes the history entry.
 */
export const recordStatusChangeStep = createStep(
  "order-record-status-change",
  async (input: RecordStatusChangeInput, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const { lifecycle } = input
    await service.updateOrderLifecycles({
      id: lifecycle.id,
      status: input.to,
      hold_expires_at:
        input.to === "pending" && lifecycle.hold_expires_at
          ? new Date(lifecycle.hold_expires_at)
          : null,
    })
    const change = await service.createOrderStatusChanges({
      order_id: lifecycle.order_id,
      from_status: lifecycle.status,
      to_status: input.to,
      actor_type: input.actor.type,
      actor_id: input.actor.id,
      note: input.note ?? null,
    })
    return new StepResponse(change, {
      lifecycle_id: lifecycle.id,
      status: lifecycle.status,
      hold_expires_at: lifecycle.hold_expires_at,
      change_id: change.id,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    await service.deleteOrderStatusChanges(previous.change_id)
    await service.updateOrderLifecycles({
      id: previous.lifecycle_id,
      status: previous.status,
      hold_expires_at: previous.hold_expires_at ? new Date(previous.hold_expires_at) : null,
    })
  }
)
