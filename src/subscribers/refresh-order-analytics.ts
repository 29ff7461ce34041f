import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { OrderLifecycleEvents } from "../modules/order-lifecycle/events"
import { refreshOrderAnalyticsWorkflow } from "../workflows/analytics/refresh-order-analytics"

/**
 * Keeps the analytics rollups current: a placed order (engine or Medusa) and every status
 * move (payment, cancellation, refund, admin move) re-reads the order into its fact.
 */
export default async function refreshOrderAnalytics({
  event,
  container,
}: SubscriberArgs<{ id: string; order_id?: string }>): Promise<void> {
  const orderId = event.data.order_id ?? event.data.id
  await refreshOrderAnalyticsWorkflow(container).run({ input: { order_ids: [orderId] } })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderLifecycleEvents.STATUS_CHANGED],
  context: { subscriberId: "engine-refresh-order-analytics" },
}
