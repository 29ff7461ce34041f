import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord } from "../../modules/order-lifecycle/types"
import { changeOrderStatusWorkflow } from "../../workflows/order/change-order-status"

/** Orders one run looks at; the rest wait for the next run (a minute later). */
const BATCH = 100

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
  const expired = (await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .listOrderLifecycles(
      { status: "pending", hold_expires_at: { $lt: now } },
      { select: ["id", "order_id"], order: { hold_expires_at: "ASC" }, take: BATCH }
    )) as unknown as Pick<OrderLifecycleRecord, "id" | "order_id">[]

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
        },
      })
      report.cancelled.push(order_id)
    } catch (error) {
      report.skipped.push(order_id)
      const conflict = error instanceof MedusaError && error.type === MedusaError.Types.CONFLICT
      const log = conflict ? logger.debug.bind(logger) : logger.error.bind(logger)
      log(`orders: hold of ${order_id} not expired: ${(error as Error).message}`)
    }
  }
  if (report.cancelled.length) {
    logger.info(`orders: cancelled ${report.cancelled.length} unpaid order(s) whose hold ended`)
  }
  return report
}
