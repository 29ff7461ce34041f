import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import { orderLockKey } from "./change-order-status"
import { findLifecycleToCancelStep } from "./steps/find-lifecycle-to-cancel"
import { recordStatusChangeStep } from "./steps/record-status-change"

/**
 * Brings the engine's status in line when an order was cancelled in Medusa itself (the
 * dashboard, /admin/orders/{id}/cancel): the lifecycle moves to cancelled, with a history
 * entry by the system, and `order.status_changed` is emitted. Medusa already released the
 * stock and settled the payments. Orders the engine cancelled are already cancelled here:
 * nothing happens for them.
 */
export const recordMedusaCancellationWorkflow = createWorkflow(
  "order-record-medusa-cancellation",
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const lifecycle = findLifecycleToCancelStep({ order_id: input.order_id })
    const recorded = when(
      "record-cancellation",
      { lifecycle },
      ({ lifecycle }) => !!lifecycle
    ).then(() => {
      const change = recordStatusChangeStep(
        transform({ lifecycle }, ({ lifecycle }) => ({
          lifecycle: lifecycle!,
          to: "cancelled" as const,
          actor: { type: "system" as const, id: null },
          note: "Cancelled in Medusa",
        }))
      )
      const event = transform({ change, lifecycle }, ({ change, lifecycle }) =>
        statusChangedData(change, lifecycle!.customer_id)
      )
      emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: event })
      return change
    })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => !!recorded))
  }
)
