import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { orderIdOfPayment } from "../queries/analytics/order-fact-sources"
import { refreshOrderAnalyticsWorkflow } from "../workflows/analytics/refresh-order-analytics"

/**
 * A further partial refund changes no status (the order stays partially_refunded), so
 * refunds are followed themselves: the refunded payment's order is re-read.
 */
export default async function refreshRefundedOrderAnalytics({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  const orderId = await orderIdOfPayment(container, event.data.id)
  if (orderId) {
    await refreshOrderAnalyticsWorkflow(container).run({ input: { order_ids: [orderId] } })
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "engine-refresh-refunded-order-analytics" },
}
