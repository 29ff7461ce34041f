import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  deletePaymentSessionsWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  markPaymentCollectionAsPaid,
  refundPaymentsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { refreshCatalogStock } from "../catalog/write-catalog-stock"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import type { OrderStatus, StatusActor } from "../../modules/order-lifecycle/types"
import { ensureStatusMoveStep } from "./steps/ensure-status-move"
import { loadOrderLifecycleStep } from "./steps/load-order-lifecycle"
import { planStatusActionsStep } from "./steps/plan-status-actions"
import { recordStatusChangeStep } from "./steps/record-status-change"
import { ensureRefundsMadeStep } from "../payment/steps/ensure-refunds-made"

export type ChangeOrderStatusInput = {
  order_id: string
  to: OrderStatus
  actor: StatusActor
  note?: string | null
  /** Set for a customer's own request: another customer's order is a 404. */
  customer_id?: string
  /** Only move when the order is still in this status (the expiry job: still pending). */
  only_from?: OrderStatus
  /** The carrier's tracking of a move to shipped: the shipment's label. */
  tracking?: { number: string | null; url: string | null }
  /** An admin's hand move: only the statuses an admin may set (checked after the load). */
  by_admin?: boolean
  /** How long to wait for the order's lock before failing with a conflict (default 30 s). */
  lock_wait_seconds?: number
}

/** How long a status move waits for the order's lock unless told otherwise. */
const ORDER_LOCK_WAIT_SECONDS = 30

/** An order's lock key: status moves, payments and the expiry job serialise on it. */
export function orderLockKey(orderId: string): string {
  return `order-status:${orderId}`
}

/**
 * Moves an order along the status machine (src/utils/order/status-machine.ts) and makes
 * Medusa's records agree, through Medusa's own workflows: paid captures the authorized
 * payment (or records an offline payment), shipped creates a fulfillment and its shipment,
 * delivered marks that fulfillment delivered, cancelled runs cancelOrderWorkflow (stock
 * released, captured money refunded), refunded refunds what was captured (and, when
 * nothing was fulfilled yet, cancels the Medusa order the same way). The change is
 * appended to the order's history and `order.status_changed` is emitted. Illegal moves
 * are a 409 and change nothing; a failing Medusa action rolls the whole move back.
 */
export const changeOrderStatusWorkflow = createWorkflow(
  "order-change-status",
  (input: ChangeOrderStatusInput) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const lockWait = transform(
      { input },
      ({ input }) => input.lock_wait_seconds ?? ORDER_LOCK_WAIT_SECONDS
    )
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: lockWait, ttl: 120 })
    const lifecycle = loadOrderLifecycleStep({
      order_id: input.order_id,
      customer_id: input.customer_id,
    })
    ensureStatusMoveStep({
      lifecycle,
      to: input.to,
      only_from: input.only_from,
      by_admin: input.by_admin,
    })
    const actions = planStatusActionsStep({ order_id: input.order_id, to: input.to })
    const createdBy = transform({ input }, ({ input }) => input.actor.id ?? undefined)
    // Recorded before Medusa's actions: captures and refunds cannot be undone, so the one
    // step after them that could still fail must not be this one (its compensation can).
    const change = recordStatusChangeStep({
      lifecycle,
      to: input.to,
      actor: input.actor,
      note: input.note,
    })

    when("capture-payment", { actions }, ({ actions }) => !!actions.capture_payment_id).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: { payment_id: actions.capture_payment_id as string, captured_by: createdBy },
      })
    })
    when("mark-paid", { actions }, ({ actions }) => !!actions.mark_paid_collection_id).then(() => {
      markPaymentCollectionAsPaid.runAsStep({
        input: {
          order_id: input.order_id,
          payment_collection_id: actions.mark_paid_collection_id as string,
          captured_by: createdBy,
        },
      })
    })
    when("ship", { actions }, ({ actions }) => actions.ship_items.length > 0).then(() => {
      const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
        input: { order_id: input.order_id, items: actions.ship_items, created_by: createdBy },
      })
      const shipment = transform({ input, actions, fulfillment, createdBy }, (data) => ({
        order_id: data.input.order_id,
        fulfillment_id: data.fulfillment.id,
        items: data.actions.ship_items,
        created_by: data.createdBy,
        labels: data.input.tracking
          ? [
              {
                tracking_number: data.input.tracking.number ?? "",
                tracking_url: data.input.tracking.url ?? "",
                label_url: "",
              },
            ]
          : undefined,
      }))
      createOrderShipmentWorkflow.runAsStep({ input: shipment })
    })
    when("deliver", { actions }, ({ actions }) => !!actions.deliver_fulfillment_id).then(() => {
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
        input: { orderId: input.order_id, fulfillmentId: actions.deliver_fulfillment_id as string },
      })
    })
    when("cancel", { actions }, ({ actions }) => actions.cancel_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: { order_id: input.order_id, canceled_by: createdBy },
      })
      // The released stock shows in the catalog before the answer (and the expiry job's
      // next order), not only once Medusa's inventory events have been worked off.
      refreshCatalogStock(
        transform({ actions }, ({ actions }) => ({ product_ids: actions.stock_product_ids }))
      )
    })
    when("close-payment-sessions", { actions }, ({ actions }) => {
      return actions.close_session_ids.length > 0
    }).then(() => {
      deletePaymentSessionsWorkflow.runAsStep({ input: { ids: actions.close_session_ids } })
    })
    when("refund", { actions }, ({ actions }) => actions.refunds.length > 0).then(() => {
      const refunds = transform({ actions, input, createdBy }, (data) =>
        data.actions.refunds.map((refund) => ({
          ...refund,
          created_by: data.createdBy,
          note: data.input.note ?? undefined,
        }))
      )
      refundPaymentsWorkflow.runAsStep({ input: refunds })
    })
    // Medusa's refund workflows log a provider failure and go on: a refunded move whose
    // money was not all refunded fails here, which rolls the move back.
    ensureRefundsMadeStep({
      expected: transform({ actions }, ({ actions }) => actions.refunded_totals),
    })

    const event = transform({ change, lifecycle }, ({ change, lifecycle }) =>
      statusChangedData(change, lifecycle.customer_id)
    )
    emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: event })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(change)
  }
)
