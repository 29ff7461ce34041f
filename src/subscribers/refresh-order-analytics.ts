import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { OrderLifecycleEvents } from "../modules/order-lifecycle/events"
import { batchedRunner, type BatchRunner } from "../utils/batched-runner"
import { refreshOrderAnalyticsWorkflow } from "../workflows/analytics/refresh-order-analytics"

/**
 * How long a refresh waits for the events that come with the first: a checkout's
 * `order.placed` and `order.status_changed` arrive within milliseconds of each other. The
 * dashboards' figures are that much later (they are seconds old anyway).
 */
const GATHER_MS = 200

/** One batch of refreshes at a time per container (utils/batched-runner.ts). */
const runners = new WeakMap<MedusaContainer, BatchRunner<string>>()

function refreshRunner(container: MedusaContainer): BatchRunner<string> {
  let runner = runners.get(container)
  if (!runner) {
    runner = batchedRunner(
      async (orderIds) => {
        await refreshOrderAnalyticsWorkflow(container).run({ input: { order_ids: orderIds } })
      },
      { gatherMs: GATHER_MS }
    )
    runners.set(container, runner)
  }
  return runner
}

/**
 * Keeps the analytics rollups current: a placed order (engine or Medusa) and every status
 * move (payment, cancellation, refund, admin move) re-reads the order into its fact. The
 * events that arrive together, or while a refresh runs, are refreshed together in one run (a
 * checkout's `order.placed` and `order.status_changed` then cost one refresh); each event
 * is handled once its order's refresh is done, so a failure is still retried.
 */
export default async function refreshOrderAnalytics({
  event,
  container,
}: SubscriberArgs<{ id: string; order_id?: string }>): Promise<void> {
  const orderId = event.data.order_id ?? event.data.id
  await refreshRunner(container)(orderId)
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderLifecycleEvents.STATUS_CHANGED],
  context: { subscriberId: "engine-refresh-order-analytics" },
}
