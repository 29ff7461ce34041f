import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  emitEventStep,
  refundPaymentsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { MathBN } from "@medusajs/framework/utils"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import type { StatusActor } from "../../modules/order-lifecycle/types"
import { orderLockKey } from "../order/change-order-status"
import { ensureStatusMoveStep } from "../order/steps/ensure-status-move"
import { loadOrderLifecycleStep } from "../order/steps/load-order-lifecycle"
import { recordStatusChangeStep } from "../order/steps/record-status-change"
import { ensureRefundsMadeStep } from "./steps/ensure-refunds-made"
import { loadPaymentAttemptStep } from "./steps/load-payment-attempt"
import { planRefundStep } from "./steps/plan-refund"

export type RefundPaymentInput = {
  attempt_id: string
  /** Decimal string; everything still refundable when omitted. */
  amount?: string
  reason?: string
  actor: StatusActor
}

/**
 * Refunds part or all of a payment (POST /payments/refund, admin). Under the order's lock:
 * the amount is checked against what is still refundable (409 above it), the order moves
 * to partially_refunded or refunded (a legal move, else 409; a further partial refund
 * leaves it partially refunded), and Medusa refunds through
 * the provider (Stripe, with an idempotency key derived from the refund,
 * src/utils/payment/refund-key.ts) with refundPaymentsWorkflow, or, for a full refund of an
 * order nothing was shipped from, cancelOrderWorkflow, which refunds the rest and releases
 * the stock. A refund Medusa did not record (Stripe refused it, or its answer was lost)
 * fails the workflow, which undoes the status move and the cancellation.
 */
export const refundPaymentWorkflow = createWorkflow(
  "payment-refund",
  (input: RefundPaymentInput) => {
    const found = loadPaymentAttemptStep({ id: input.attempt_id })
    const lockKey = transform({ found }, ({ found }) => orderLockKey(found.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const attempt = loadPaymentAttemptStep({ id: input.attempt_id }).config({
      name: "payment-reload-attempt",
    })
    const lifecycle = loadOrderLifecycleStep({ order_id: found.order_id })
    const plan = planRefundStep({ attempt, amount: input.amount, order_status: lifecycle.status })
    // A further partial refund leaves a partially refunded order where it is, and money
    // taken for a cancelled order is given back without reopening it.
    const moves = transform({ lifecycle, plan }, ({ lifecycle, plan }) => {
      return lifecycle.status !== plan.to && lifecycle.status !== "cancelled"
    })
    // Recorded first, as status moves do, and its event too: the refund at Stripe cannot be
    // undone, so the steps that can still fail after it must not be these.
    when("record-refund-status", { moves }, ({ moves }) => moves).then(() => {
      ensureStatusMoveStep({ lifecycle, to: plan.to })
      const change = recordStatusChangeStep({
        lifecycle,
        to: plan.to,
        actor: input.actor,
        note: input.reason ?? null,
      })
      const event = transform({ change, lifecycle }, ({ change, lifecycle }) =>
        statusChangedData(change, lifecycle.customer_id)
      )
      emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: event })
    })
    const createdBy = transform({ input }, ({ input }) => input.actor.id ?? undefined)
    when("cancel-order", { plan }, ({ plan }) => plan.cancel_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: { order_id: found.order_id, canceled_by: createdBy },
      })
    })
    when("refund", { plan }, ({ plan }) => !plan.cancel_order).then(() => {
      const refunds = transform({ plan, input, createdBy }, ({ plan, input, createdBy }) => [
        {
          payment_id: plan.payment_id,
          amount: plan.amount,
          created_by: createdBy,
          note: input.reason,
        },
      ])
      refundPaymentsWorkflow.runAsStep({ input: refunds })
    })
    // Medusa's refund workflows log a provider failure and go on: a refund not recorded
    // fails here, which rolls the steps above back.
    ensureRefundsMadeStep({
      expected: transform({ plan }, ({ plan }) => [
        {
          payment_id: plan.payment_id,
          // Decimal arithmetic: 0.1 + 0.2 must be 0.3, as Medusa's refunds will total.
          refunded: MathBN.add(plan.refunded_before, plan.amount).toNumber(),
        },
      ]),
    })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(plan)
  }
)
