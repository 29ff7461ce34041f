import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import { keysetPages } from "../../utils/keyset-pages"
import { COUNTED_STATUSES } from "../../utils/recommendations/purchase"
import { refreshOrderRecommendationsWorkflow } from "../../workflows/recommendation/refresh-order-recommendations"

export const BACKFILL_PAGE_SIZE = 200

/**
 * Counts every order whose status counts as a purchase, for a store that had paid orders
 * before the recommendation module (or after a restore): each order runs the same
 * idempotent workflow as the subscriber, so orders already counted are left as they are
 * and running it twice changes nothing. A failing order is logged and skipped. Used by
 * `npm run recommendations:backfill`.
 */
export async function backfillRecommendations(
  container: MedusaContainer,
  pageSize = BACKFILL_PAGE_SIZE
): Promise<{ orders: number; changed: number; failed: number }> {
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const totals = { orders: 0, changed: 0, failed: 0 }
  const pages = keysetPages(
    (afterId) =>
      lifecycles.listOrderLifecycles(
        { status: [...COUNTED_STATUSES], ...(afterId ? { id: { $gt: afterId } } : {}) },
        { select: ["id", "order_id"], take: pageSize, order: { id: "ASC" } }
      ),
    pageSize
  )
  for await (const page of pages) {
    for (const row of page) {
      try {
        const { result } = await refreshOrderRecommendationsWorkflow(container).run({
          input: { order_id: row.order_id },
        })
        totals.orders += 1
        totals.changed += result ? 1 : 0
      } catch (error) {
        totals.failed += 1
        logger.error(`recommendations: backfill of ${row.order_id} failed: ${String(error)}`)
      }
    }
  }
  logger.info(
    `recommendations: backfill saw ${totals.orders} orders, counted ${totals.changed} new, ` +
      `${totals.failed} failed`
  )
  return totals
}
