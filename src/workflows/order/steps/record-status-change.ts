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
 * Moves the order's status and appends the change to its history, in one transaction
 * (`moveStatus`). The move is checked against the status read earlier in the workflow: if
 * the row moved since, it is a conflict, not a history entry with the wrong `from`. A
 * status other than pending holds no stock, so the hold's end is cleared. Compensation
 * restores the previous status and hold and deletes the entry, also in one transaction.
 */
export const recordStatusChangeStep = createStep(
  "order-record-status-change",
  async (input: RecordStatusChangeInput, { container }) => {
    const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    const { lifecycle } = input
    const { change, undo } = await service.moveStatus({
      lifecycle_id: lifecycle.id,
      from: lifecycle.status,
      to: input.to,
      hold_expires_at:
        input.to === "pending" && lifecycle.hold_expires_at
          ? new Date(lifecycle.hold_expires_at)
          : null,
      actor: input.actor,
      note: input.note,
    })
    return new StepResponse(change, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container
      .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      .undoStatusMove(undo)
  }
)
