import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import { changesPurchase } from "../utils/recommendations/purchase"
import { refreshOrderRecommendationsWorkflow } from "../workflows/recommendation/refresh-order-recommendations"

/**
 * Keeps the "bought together" counts: an order moving into a paid status is counted, one
 * moving out (cancelled, refunded) is taken out. Moves that change neither are skipped.
 */
export default async function refreshOrderRecommendations({
  event,
  container,
}: SubscriberArgs<OrderStatusChangedData>): Promise<void> {
  if (!changesPurchase(event.data.from, event.data.to)) {
    return
  }
  await refreshOrderRecommendationsWorkflow(container).run({
    input: { order_id: event.data.order_id },
  })
}

export const config: SubscriberConfig = {
  event: OrderLifecycleEvents.STATUS_CHANGED,
  context: { subscriberId: "engine-refresh-order-recommendations" },
}
