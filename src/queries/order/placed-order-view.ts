import type { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { loadPaymentOfSession } from "../payment/payment-access"
import { paymentView } from "../payment/payment-view"
import { loadOrderViews, orderView } from "./order-view"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"

/** The order and the payment opened for it (POST /payments/confirm takes its id). */
export const placedOrderView = z.object({ order: orderView, payment: paymentView })

export type PlacedOrderView = z.infer<typeof placedOrderView>

/**
 * The answer to a checkout: the order and the payment to confirm, with the provider's
 * client secret (Stripe's PaymentIntent secret; null for the system provider).
 */
export async function loadPlacedOrder(
  container: MedusaContainer,
  result: { order_id: string; payment_session_id: string }
): Promise<PlacedOrderView> {
  const lifecycles = await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .listOrderLifecycles({ order_id: result.order_id }, { take: 1 })
  const [[order], payment] = await Promise.all([
    loadOrderViews(container, lifecycles),
    loadPaymentOfSession(container, result.payment_session_id),
  ])
  return { order, payment }
}
