import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { identitySettings } from "../../../config/identity"
import { notificationSettings } from "../../../config/notifications"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../../../modules/order-lifecycle/events"
import { loadOrderEmailView } from "../../../queries/notification/order-email-view"
import { orderEmailDocument, orderEmailKindOf } from "../../../utils/notifications/order-email"
import {
  deliveryKey,
  emailNotification,
  type OutgoingNotification,
} from "../../../utils/notifications/outgoing"
import { renderEmail } from "../../../utils/notifications/render-email"

/**
 * The customer's email for a recorded status change (none for a move without an email, an
 * order without an address, or a customer who left email out of their channels), keyed by
 * the history entry and the recipient. Reads and renders only.
 */
export const planOrderEmailStep = createStep(
  "notification-plan-order-email",
  async (change: OrderStatusChangedData, { container }) => {
    const kind = orderEmailKindOf(change)
    const view = kind ? await loadOrderEmailView(container, change.order_id, kind) : null
    if (!kind || !view || !view.wants_email) {
      return new StepResponse<OutgoingNotification[]>([])
    }
    const settings = notificationSettings()
    const document = orderEmailDocument(
      kind,
      {
        ...view.data,
        order_url: `${identitySettings().storefrontUrl}/orders/${view.order_id}`,
        shop_name: settings.shopName,
      },
      view.locale
    )
    const email = await renderEmail(document, view.locale)
    const message: OutgoingNotification = {
      // The confirmation is keyed by the order: Medusa's `order.placed` and the first
      // history entry both ask for it, and it goes out once.
      key:
        kind === "placed"
          ? deliveryKey(OrderWorkflowEvents.PLACED, view.order_id, view.email)
          : deliveryKey(OrderLifecycleEvents.STATUS_CHANGED, change.id, view.email),
      notification: emailNotification(view.email, `order-${kind}`, email, {
        trigger_type:
          kind === "placed" ? OrderWorkflowEvents.PLACED : OrderLifecycleEvents.STATUS_CHANGED,
        resource_type: "order",
        resource_id: view.order_id,
        receiver_id: change.customer_id ?? view.customer_id,
      }),
    }
    return new StepResponse([message])
  }
)
