import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { orderLockKey } from "./change-order-status"
import { createOrderLifecycleStep } from "./steps/create-order-lifecycle"
import { findUntrackedOrderStep } from "./steps/find-untracked-order"
import { recordOrderPaymentAttemptsStep } from "../payment/steps/record-order-payment-attempts"

/**
 * Gives an order placed through Medusa's own routes (`/store/carts/{id}/complete`, draft
 * orders) a lifecycle row, so it is listed, has a history and can move along the status
 * machine like the engine's orders, and its payment sessions get payment attempts. It
 * starts pending without a hold (Medusa reserved its stock and authorized its payment
 * itself). Orders the engine's checkout placed already
 * have their row: nothing happens for them.
 */
export const trackOrderWorkflow = createWorkflow(
  "order-track-order",
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const untracked = findUntrackedOrderStep({ order_id: input.order_id })
    const created = when(
      "track-untracked-order",
      { untracked },
      ({ untracked }) => !!untracked
    ).then(() => {
      const lifecycleInput = transform({ untracked }, ({ untracked }) => ({
        order_id: untracked!.order_id,
        customer_id: untracked!.customer_id,
        hold_expires_at: null,
        actor: { type: "system" as const, id: null },
        note: "Placed through Medusa's store API",
      }))
      const lifecycle = createOrderLifecycleStep(lifecycleInput)
      // Its payment, too: listed in /payments, and a later capture settles the order.
      recordOrderPaymentAttemptsStep(
        transform({ untracked }, ({ untracked }) => ({
          order_id: untracked!.order_id,
          customer_id: untracked!.customer_id,
        }))
      )
      return lifecycle
    })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(transform({ created }, ({ created }) => !!created))
  }
)
