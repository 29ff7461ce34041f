import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"

/** How long one order's email run may hold its lock (planning and several SMTP sends). */
export const ORDER_EMAIL_LOCK_TTL_SECONDS = 300
/** How long another run of the order waits for it: one slow send's time-outs and more. */
export const ORDER_EMAIL_LOCK_WAIT_SECONDS = 90

/**
 * The lock one run of an order's emails takes: the order's key, and an owner of this run's
 * own, so a run that outlived the lock's TTL cannot release the lock a later run holds.
 * A value only: nothing to undo.
 */
export const planEmailLockStep = createStep(
  "notification-plan-email-lock",
  async (input: { order_id: string }) =>
    new StepResponse({
      key: `order-email:${input.order_id}`,
      owner_id: `order-email:${randomUUID()}`,
    })
)
