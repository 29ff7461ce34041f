import type { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { loadPaymentOfSession } from "../payment/payment-access"
import { paymentView, paymentViewOf } from "../payment/payment-view"
import { loadOrderViews, orderView, orderViewOf, type OrderRow } from "./order-view"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type {
  OrderLifecycleRecord,
  OrderStatusChangeRecord,
} from "../../modules/order-lifecycle/types"
import type { PaymentAttemptRecord } from "../../modules/payment-ledger/types"

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

/** What a checkout wrote, as its workflow answers it. */
export type PlacedOrderRecords = {
  /** Medusa's order as its module answered the create (items, totals, addresses). */
  order: Omit<OrderRow, "payment_collections">
  lifecycle: OrderLifecycleRecord
  change: OrderStatusChangeRecord
  collection: { id: string; status: string; amount: OrderRow["total"]; created_at: string | Date }
  session: {
    id: string
    provider_id: string
    status: string
    created_at: string | Date
    data?: Record<string, unknown> | null
  }
  attempt: PaymentAttemptRecord
}

/**
 * The same answer as loadPlacedOrder, shaped from what the checkout just wrote instead of
 * reading it back (eleven statements): a new order has one status change, one payment
 * collection with one session, and no money moved yet.
 */
export function placedOrderViewOf(records: PlacedOrderRecords): PlacedOrderView {
  const { collection, session } = records
  const order: OrderRow = {
    ...records.order,
    payment_collections: [
      {
        id: collection.id,
        status: collection.status,
        amount: collection.amount,
        created_at: collection.created_at,
        payment_sessions: [
          {
            id: session.id,
            provider_id: session.provider_id,
            status: session.status,
            created_at: session.created_at,
          },
        ],
        payments: [],
      },
    ],
  }
  return {
    order: orderViewOf(order, records.lifecycle, [records.change]),
    payment: paymentViewOf(records.attempt, session, undefined),
  }
}
