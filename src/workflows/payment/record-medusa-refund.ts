import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import { orderLockKey } from "../order/change-order-status"
import { recordStatusChangeStep } from "../order/steps/record-status-change"
import { findOrderOfPaymentStep } from "./steps/find-order-of-payment"
import { findRefundStatusToRecordStep } from "./steps/find-refund-status-to-record"

/**
 * Brings the engine's status in line when a payment was refunded in Medusa itself (the
 * dashboard's refund, /admin/payments/{id}/refund): under the order's lock the order moves
 * to partially_refunded or refunded, as Medusa's payments now say, with a history entry by
 * the system, and `order.status_changed` is emitted. A full refund of an order nothing was
 * shipped from also cancels Medusa's order, which releases its stock (nothing is left to
 * refund), as the engine's own refunds do. The engine's own refunds have already moved
 * the status: nothing happens for them, nor for a cancelled order.
 */
export const recordMedusaRefundWorkflow = createWorkflow(
  "payment-record-medusa-refund",
  (input: { payment_id: string }) => {
    const orderId = findOrderOfPaymentStep({ payment_id: input.payment_id })
    // No key (nothing locked, nothing released) when the payment belongs to no order.
    const lockKeys = transform({ orderId }, ({ orderId }) =>
      orderId ? [orderLockKey(orderId)] : []
    )
    // As long as the engine's own workflows may hold it (their ttl): a refund is not lost to
    // a busy order.
    const ownedLock = acquireOwnedLockStep({ key: lockKeys, timeout: 120, ttl: 120 })
    // Workflow conditions do not nest: each step below checks the order id on its own.
    const found = findRefundStatusToRecordStep({ order_id: orderId })
    const recorded = when("record-refund", { found }, ({ found }) => !!found).then(() => {
      const change = recordStatusChangeStep(
        transform({ found }, ({ found }) => ({
          lifecycle: found!.lifecycle,
          to: found!.to,
          actor: { type: "system" as const, id: null },
          note: "Refunded in Medusa",
        }))
      )
      const event = transform({ change, found }, ({ change, found }) =>
        statusChangedData(change, found!.lifecycle.customer_id)
      )
      emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: event })
      return change
    })
    when("cancel-refunded-order", { found }, ({ found }) => !!found?.cancel_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ found }, ({ found }) => ({ order_id: found!.lifecycle.order_id })),
      })
    })
    releaseLockStep({ key: lockKeys, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(transform({ recorded }, ({ recorded }) => !!recorded))
  }
)
