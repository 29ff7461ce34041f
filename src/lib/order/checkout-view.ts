import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { CheckoutResult } from "../../workflows/order/checkout-cart"
import { money } from "./money"
import { loadOrderViews, type OrderView } from "./order-view"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord } from "../../modules/order-lifecycle/types"

export type PlacedOrderView = {
  order: OrderView
  payment: {
    id: string
    order_id: string
    amount: string
    currency_code: string
    status: string
    provider: string
    client_secret: string | null
  }
}

/**
 * The answer to a checkout: the order and the payment to confirm, with the provider's
 * client secret (Stripe's PaymentIntent secret; null for the system provider).
 */
export async function loadPlacedOrder(
  container: MedusaContainer,
  result: CheckoutResult
): Promise<PlacedOrderView> {
  const lifecycles = (await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .listOrderLifecycles(
      { order_id: result.order_id },
      { take: 1 }
    )) as unknown as OrderLifecycleRecord[]
  const [[order], session] = await Promise.all([
    loadOrderViews(container, lifecycles),
    container.resolve(Modules.PAYMENT).retrievePaymentSession(result.payment_session_id),
  ])
  const secret = (session.data as Record<string, unknown> | undefined)?.client_secret
  return {
    order,
    payment: {
      id: session.id,
      order_id: result.order_id,
      amount: money(session.amount),
      currency_code: session.currency_code,
      status: session.status,
      provider: session.provider_id,
      client_secret: typeof secret === "string" ? secret : null,
    },
  }
}
