import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import type { OrderStatusChangedData } from "../../modules/order-lifecycle/events"
import { deliverNotificationsStep } from "./steps/deliver-notifications"
import {
  ORDER_EMAIL_LOCK_TTL_SECONDS,
  ORDER_EMAIL_LOCK_WAIT_SECONDS,
  planEmailLockStep,
} from "./steps/plan-email-lock"
import { planOrderEmailStep } from "./steps/plan-order-email"

/**
 * The customer's email for one `order.status_changed` (placed, paid, processing, shipped,
 * delivered, cancelled, refunded, partially refunded), sent once per history entry however
 * often the event arrives.
 *
 * One order's emails are planned and sent one at a time (a lock per order): a checkout
 * emits `order.placed` and `order.status_changed` together, both asking for the
 * confirmation, and the second found the first's claim on it "being sent", failed, and
 * was retried 5 s later to find it sent (docs/PERFORMANCE.md, "Where the scenario's time
 * goes"). Now the second waits for the first and finds the message sent. The lock is this
 * run's own (planEmailLockStep), and a run that cannot have it in time fails and is retried.
 */
export const sendOrderStatusEmailWorkflow = createWorkflow(
  "notification-send-order-status-email",
  (input: OrderStatusChangedData) => {
    const lock = planEmailLockStep({ order_id: input.order_id })
    acquireOwnedLockStep({
      key: lock.key,
      ownerId: lock.owner_id,
      timeout: ORDER_EMAIL_LOCK_WAIT_SECONDS,
      ttl: ORDER_EMAIL_LOCK_TTL_SECONDS,
    })
    const messages = planOrderEmailStep(input)
    const outcome = deliverNotificationsStep(messages)
    releaseLockStep({ key: lock.key, ownerId: lock.owner_id })
    return new WorkflowResponse(outcome)
  }
)
