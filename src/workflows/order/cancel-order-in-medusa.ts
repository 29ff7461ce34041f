import { createWorkflow, WorkflowResponse, transform } from "@medusajs/framework/workflows-sdk"
import { cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { ensureRefundsMadeStep } from "../payment/steps/ensure-refunds-made"
import { orderLockKey } from "./change-order-status"
import { planCancellationRefundsStep } from "./steps/plan-cancellation-refunds"

export type CancelOrderInMedusaInput = { order_id: string; canceled_by?: string }

/**
 * Medusa's own order cancellation (the dashboard's POST /admin/orders/{id}/cancel), run
 * under the order's lock, which the engine's refunds, status moves and Medusa's dashboard
 * refund take too: a refund racing the cancellation waits for it and then finds the money
 * already refunded (or the other way round), instead of both reading the same captured
 * amount and refunding it twice.
 *
 * Medusa's cancelOrderWorkflow refunds the captured money through refundPaymentsWorkflow,
 * which logs a provider failure and carries on, so a refund Stripe refused, or whose
 * answer was lost, cancelled the order with the money kept. The refunds are checked
 * afterwards (ensureRefundsMadeStep): a missing one fails the cancellation, which rolls
 * back, and it can be retried (the refund's Stripe key makes that a replay). The engine's
 * status follows through Medusa's `order.canceled` (record-medusa-cancellation).
 */
export const cancelOrderInMedusaWorkflow = createWorkflow(
  "order-cancel-in-medusa",
  (input: CancelOrderInMedusaInput) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const expected = planCancellationRefundsStep({ order_id: input.order_id })
    cancelOrderWorkflow.runAsStep({ input })
    ensureRefundsMadeStep({ expected })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(expected)
  }
)
