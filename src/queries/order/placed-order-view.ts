import type { MedusaContainer, OrderDTO } from "@medusajs/framework/types"
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
  collection: {
    id: string
    status: string
    amount: OrderRow["total"]
    currency_code: string
    created_at: string | Date
  }
  session: {
    id: string
    provider_id: string
    status: string
    created_at: string | Date
    data?: Record<string, unknown> | null
  }
  attempt: PaymentAttemptRecord
}

type PlacedOrder = PlacedOrderRecords["order"]

/**
 * What the answer needs of the order Medusa's order module just created: the fields of the
 * order view (queries/order/order-view.ts), nothing else. The checkout keeps this instead
 * of the module's whole order (every line's and the order's totals, summaries, versions):
 * each step and transform that reads the order gets a deep copy of it from Medusa's
 * workflow engine, and copying the whole order was most of the 7–8 % of the writer's CPU
 * that went to such copies (docs/PERFORMANCE.md, "Smaller values between checkout steps").
 */
export function placedOrderRowOf(order: OrderDTO): PlacedOrder {
  return {
    id: order.id,
    display_id: order.display_id,
    customer_id: order.customer_id ?? null,
    email: order.email ?? null,
    currency_code: order.currency_code,
    created_at: order.created_at,
    updated_at: order.updated_at,
    items: (order.items ?? []).map((item) => ({
      id: item.id,
      product_id: item.product_id ?? null,
      variant_id: item.variant_id ?? null,
      title: item.title,
      product_title: item.product_title ?? null,
      thumbnail: item.thumbnail ?? null,
      unit_price: item.unit_price,
      quantity: item.quantity,
      subtotal: item.subtotal,
    })),
    item_subtotal: order.item_subtotal,
    tax_total: order.tax_total,
    shipping_total: order.shipping_total,
    discount_total: order.discount_total,
    total: order.total,
    shipping_address: order.shipping_address ?? null,
    billing_address: order.billing_address ?? null,
    shipping_methods: (order.shipping_methods ?? []).map((method) => ({
      name: method.name,
      shipping_option_id: method.shipping_option_id ?? null,
    })),
  }
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
