import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderStatusChangedData } from "../../modules/order-lifecycle/events"
import { deliverNotificationsStep } from "./steps/deliver-notifications"
import { planOrderEmailStep } from "./steps/plan-order-email"

/**
 * The customer's email for one `order.status_changed` (placed, paid, processing, shipped,
 * delivered, cancelled, refunded, partially refunded), sent once per history entry however
 * often the event arrives.
 */
export const sendOrderStatusEmailWorkflow = createWorkflow(
  "notification-send-order-status-email",
  (input: OrderStatusChangedData) => {
    const messages = planOrderEmailStep(input)
    return new WorkflowResponse(deliverNotificationsStep(messages))
  }
)
