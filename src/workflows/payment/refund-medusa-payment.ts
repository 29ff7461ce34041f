import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  refundPaymentWorkflow as medusaRefundPaymentWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { orderLockKey } from "../order/change-order-status"
import { findOrderOfPaymentStep } from "./steps/find-order-of-payment"

export type RefundMedusaPaymentInput = {
  payment_id: string
  amount?: number
  created_by?: string
  note?: string
  refund_reason_id?: string
}

/**
 * Medusa's own refund of a payment (the dashboard's POST /admin/payments/{id}/refund),
 * run under the order's lock, which the engine's refunds and status moves take too.
 *
 * Medusa locks the payment row only while it writes its refund row, and calls Stripe after
 * that; the engine's Stripe provider derives the refund's idempotency key from what was
 * refunded before (src/utils/payment/refund-key.ts). Two equal refunds running at once (a
 * double click) would read the same "before", share one key, and be recorded twice for one
 * refund at Stripe. One refund of an order at a time, each reads what the previous one
 * recorded. A payment of no order (none in this engine) is locked on its own id.
 */
export const refundMedusaPaymentWorkflow = createWorkflow(
  "payment-refund-in-medusa",
  (input: RefundMedusaPaymentInput) => {
    const orderId = findOrderOfPaymentStep({ payment_id: input.payment_id })
    const lockKey = transform({ orderId, input }, ({ orderId, input }) =>
      orderId ? orderLockKey(orderId) : `payment-refund:${input.payment_id}`
    )
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const payment = medusaRefundPaymentWorkflow.runAsStep({ input })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(payment)
  }
)
