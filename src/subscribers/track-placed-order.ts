import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { trackOrderWorkflow } from "../workflows/order/track-order"

/**
 * Every placed order gets a lifecycle row: orders completed through Medusa's own routes
 * are tracked like the engine's (src/workflows/order/track-order.ts).
 */
export default async function trackPlacedOrder({
  event,
  container,
}: SubscriberArgs<{ id: string }>): Promise<void> {
  await trackOrderWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: OrderWorkflowEvents.PLACED }
