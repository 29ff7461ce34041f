import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { orderLockKey } from "./change-order-status"
import { postponeOrderHoldStep } from "./steps/postpone-order-hold"

/**
 * Gives a pending order whose expiry could not be applied (its cancellation failed) a
 * later hold end, so the expiry job retries it later instead of picking it first on every
 * run and starving the orders behind it. Under the order's lock.
 */
export const postponeOrderHoldWorkflow = createWorkflow(
  "order-postpone-hold",
  (input: { order_id: string; until: Date }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const postponed = postponeOrderHoldStep(input)
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(postponed)
  }
)
