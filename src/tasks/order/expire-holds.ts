import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord } from "../../modules/order-lifecycle/types"
import { changeOrderStatusWorkflow, orderLockKey } from "../../workflows/order/change-order-status"
import { postponeOrderHoldWorkflow } from "../../workflows/order/postpone-order-hold"
import { isLockWaitGivenUp } from "../../utils/locking/lock-wait"

/** Orders one run looks at; the rest wait for the next run (a minute later). */
const BATCH = 100

/** When an expiry that failed is tried again. */
const RETRY_DELAY_MS = 10 * 60_000

/**
 * How long one expiry waits for its order's lock. A request working on the order (a
 * payment, a status move) holds it: the next run, a minute later, looks again, so a busy
 * order costs this run seconds instead of the status move's 30 s wait (and, before, a
 * second 30 s wait to postpone it under the same lock).
 */
export const EXPIRY_LOCK_WAIT_SECONDS = 5

export type ExpiryReport = { cancelled: string[]; skipped: string[] }

/**
 * Cancels pending orders whose stock hold ended before `now`, which releases their
 * reservations (cancelOrderWorkflow). Each cancellation runs under the order's lock and
 * only from pending, so an order paid a moment before is left alone (skipped).
 */
export async function expireOrderHolds(
  container: MedusaContainer,
  now: Date = new Date()
): Promise<ExpiryReport> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const expired: Pick<OrderLifecycleRecord, "id" | "order_id">[] = await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .listOrderLifecycles(
      { status: "pending", hold_expires_at: { $lt: now } },
      { select: ["id", "order_id"], order: { hold_expires_at: "ASC" }, take: BATCH }
    )

  const report: ExpiryReport = { cancelled: [], skipped: [] }
  for (const { order_id } of expired) {
    try {
      await changeOrderStatusWorkflow(container).run({
        input: {
          order_id,
          to: "cancelled",
          only_from: "pending",
          actor: { type: "system", id: null },
          note: "Not paid before the stock hold ended",
          lock_wait_seconds: EXPIRY_LOCK_WAIT_SECONDS,
        },
      })
      report.cancelled.push(order_id)
    } catch (error) {
      report.skipped.push(order_id)
      const message = `orders: hold of ${order_id} not expired: ${(error as Error).message}`
      if (isLockWaitGivenUp(error, orderLockKey(order_id))) {
        // Busy with another request, not failing: it may be being paid right now. (A wait
        // for another lock inside the cancellation is a failure like any other.)
        logger.info(`${message} (busy; the next run looks again)`)
        continue
      }
      // Paid (or otherwise moved) a moment ago: nothing to do. Still pending: the
      // cancellation itself failed; retry later so it does not block the queue.
      let stillPending: boolean
      try {
        ;({ result: stillPending } = await postponeOrderHoldWorkflow(container).run({
          input: { order_id, until: new Date(now.getTime() + RETRY_DELAY_MS) },
        }))
      } catch (postponeError) {
        // Not postponed either (its lock or the database is busy): the next run tries it
        // again first, and the orders after it are still expired in this one.
        logger.error(`${message}; not postponed: ${(postponeError as Error).message}`)
        continue
      }
      if (stillPending) {
        logger.error(`${message} (retrying in ${RETRY_DELAY_MS / 60_000} min)`)
      } else {
        logger.debug(message)
      }
    }
  }
  if (report.cancelled.length) {
    logger.info(`orders: cancelled ${report.cancelled.length} unpaid order(s) whose hold ended`)
  }
  return report
}
