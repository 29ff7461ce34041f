import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import { keysetPages } from "../../utils/keyset-pages"
import { rebuildAnalyticsRollupsWorkflow } from "../../workflows/analytics/rebuild-analytics-rollups"
import { refreshOrderAnalyticsWorkflow } from "../../workflows/analytics/refresh-order-analytics"

export const REBUILD_BATCH_SIZE = 200

/**
 * Rebuilds the analytics from every tracked order: each batch of orders (paged by their
 * lifecycle row's id) is refreshed by its own workflow, so a failing batch is logged and
 * the rest goes on; then the rollups are recomputed from the facts and facts of vanished
 * orders dropped. Running it twice gives the same tables (docs/ANALYTICS.md). Used by
 * `npm run analytics:rebuild` and the nightly job.
 */
export async function rebuildAnalytics(
  container: MedusaContainer,
  batchSize = REBUILD_BATCH_SIZE
): Promise<{ orders: number; failed_batches: number }> {
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const startedAt = new Date()
  let orders = 0
  let failed = 0
  const pages = keysetPages(
    (afterId) =>
      lifecycles.listOrderLifecycles(afterId ? { id: { $gt: afterId } } : {}, {
        select: ["id", "order_id"],
        take: batchSize,
        order: { id: "ASC" },
      }),
    batchSize
  )
  let lastId = ""
  for await (const page of pages) {
    try {
      await refreshOrderAnalyticsWorkflow(container).run({
        input: { order_ids: page.map((row) => row.order_id) },
      })
      orders += page.length
    } catch (error) {
      failed += 1
      logger.error(`analytics: rebuild batch after ${lastId || "start"} failed: ${String(error)}`)
    }
    lastId = page[page.length - 1].id
  }
  // With a failed batch its facts were not rewritten: keep them rather than drop them.
  await rebuildAnalyticsRollupsWorkflow(container).run({
    input: { stale_before: failed ? null : startedAt.toISOString() },
  })
  logger.info(`analytics: rebuilt from ${orders} orders (${failed} failed batches)`)
  return { orders, failed_batches: failed }
}
