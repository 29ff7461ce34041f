import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../modules/order-lifecycle/events"
import { runNotification } from "../tasks/notification/run-notification"

/**
 * The customer's order emails. Every status change mails its status; `order.placed` also
 * asks for the confirmation, so orders placed through Medusa's own routes (which get their
 * history entry without this event) are confirmed too: the confirmation is sent once.
 */
export default async function sendOrderStatusEmail({
  event,
  container,
}: SubscriberArgs<OrderStatusChangedData | { id: string }>): Promise<void> {
  const change: OrderStatusChangedData =
    event.name === OrderWorkflowEvents.PLACED
      ? {
          id: event.data.id,
          order_id: event.data.id,
          customer_id: null,
          from: null,
          to: "pending",
          actor_type: "system",
          actor_id: null,
          note: null,
        }
      : (event.data as OrderStatusChangedData)
  await runNotification(container, { kind: "order_status", input: change })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderLifecycleEvents.STATUS_CHANGED],
  context: { subscriberId: "engine-send-order-status-email" },
}
