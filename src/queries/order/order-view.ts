import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import { ORDER_STATUSES } from "../../modules/order-lifecycle/models/order-lifecycle"
import { STATUS_ACTOR_TYPES } from "../../modules/order-lifecycle/models/order-status-change"
import type {
  OrderLifecycleRecord,
  OrderStatusChangeRecord,
} from "../../modules/order-lifecycle/types"
import { lineView, toLineView, unitCount, type LineRow } from "./line-view"
import { money } from "../../utils/money"
import { queryGraph } from "../graph"

/** What the order view reads of Medusa's order (placed-order-view.ts keeps the same). */
export const ORDER_VIEW_FIELDS = [
  "id",
  "display_id",
  "customer_id",
  "email",
  "currency_code",
  "created_at",
  "updated_at",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.product_title",
  "items.thumbnail",
  "items.unit_price",
  "items.quantity",
  "items.subtotal",
  "item_subtotal",
  "tax_total",
  "shipping_total",
  "discount_total",
  "total",
  "shipping_address.*",
  "billing_address.*",
  "shipping_methods.name",
  "shipping_methods.shipping_option_id",
  "payment_collections.id",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.created_at",
  "payment_collections.payment_sessions.id",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payment_sessions.status",
  "payment_collections.payment_sessions.created_at",
  "payment_collections.payments.id",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
]

const addressView = z
  .object({
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    address_1: z.string().nullable(),
    address_2: z.string().nullable(),
    city: z.string().nullable(),
    province: z.string().nullable(),
    postal_code: z.string().nullable(),
    country_code: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .nullable()

export const statusChangeView = z.object({
  from: z.enum(ORDER_STATUSES).nullable(),
  to: z.enum(ORDER_STATUSES),
  actor_type: z.enum(STATUS_ACTOR_TYPES),
  actor_id: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
})

export const paymentSummaryView = z
  .object({
    id: z.string().nullable(),
    payment_collection_id: z.string(),
    provider: z.string().nullable(),
    status: z.string(),
    amount: z.string(),
    captured: z.string(),
    refunded: z.string(),
    currency_code: z.string(),
  })
  .nullable()

/** The contract's order: Medusa's order with the engine's status and its history. */
export const orderView = z.object({
  id: z.string(),
  display_id: z.number().int(),
  user_id: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(ORDER_STATUSES),
  hold_expires_at: z.string().nullable(),
  currency_code: z.string(),
  items: z.array(lineView),
  item_count: z.number().int(),
  subtotal: z.string(),
  discount: z.string(),
  tax: z.string(),
  shipping: z.string(),
  total: z.string(),
  shipping_method: z.string().nullable(),
  shipping_address: addressView,
  billing_address: addressView,
  payment: paymentSummaryView,
  status_history: z.array(statusChangeView),
  created_at: z.string(),
  updated_at: z.string(),
})

export type OrderView = z.infer<typeof orderView>
type AddressView = z.infer<typeof addressView>
type PaymentSummaryView = z.infer<typeof paymentSummaryView>
type StatusChangeView = z.infer<typeof statusChangeView>

type Amount = { amount: BigNumberInput }

type AddressRow = { [Field in keyof NonNullable<AddressView>]?: string | null }

export type OrderRow = {
  id: string
  display_id: number
  customer_id: string | null
  email: string | null
  currency_code: string
  created_at: string | Date
  updated_at: string | Date
  items?: LineRow[]
  item_subtotal: BigNumberInput
  tax_total: BigNumberInput
  shipping_total: BigNumberInput
  discount_total: BigNumberInput
  total: BigNumberInput
  shipping_address?: AddressRow | null
  billing_address?: AddressRow | null
  shipping_methods?: { name: string; shipping_option_id: string | null }[]
  payment_collections?: {
    id: string
    status: string
    amount: BigNumberInput
    created_at: string | Date
    payment_sessions?: {
      id: string
      provider_id: string
      status: string
      created_at: string | Date
    }[]
    payments?: { id: string; captures?: Amount[]; refunds?: Amount[] }[]
  }[]
}

function toAddressView(address: AddressRow | null | undefined): AddressView {
  if (!address) {
    return null
  }
  return {
    first_name: address.first_name ?? null,
    last_name: address.last_name ?? null,
    company: address.company ?? null,
    address_1: address.address_1 ?? null,
    address_2: address.address_2 ?? null,
    city: address.city ?? null,
    province: address.province ?? null,
    postal_code: address.postal_code ?? null,
    country_code: address.country_code ?? null,
    phone: address.phone ?? null,
  }
}

function total(values: Amount[] | undefined) {
  return (values ?? []).reduce((sum, value) => MathBN.add(sum, value.amount), MathBN.convert(0))
}

/** The order's payment in the contract's terms: its latest session and the money moved. */
function paymentSummary(order: OrderRow): PaymentSummaryView {
  const collections = [...(order.payment_collections ?? [])].sort(
    (a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
  )
  const collection = collections[0]
  if (!collection) {
    return null
  }
  const sessions = [...(collection.payment_sessions ?? [])].sort(
    (a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime()
  )
  const payments = collections.flatMap((c) => c.payments ?? [])
  return {
    id: sessions[0]?.id ?? null,
    payment_collection_id: collection.id,
    provider: sessions[0]?.provider_id ?? null,
    status: collection.status,
    amount: money(collection.amount),
    captured: money(
      payments.reduce((sum, p) => MathBN.add(sum, total(p.captures)), MathBN.convert(0))
    ),
    refunded: money(
      payments.reduce((sum, p) => MathBN.add(sum, total(p.refunds)), MathBN.convert(0))
    ),
    currency_code: order.currency_code,
  }
}

function historyView(change: OrderStatusChangeRecord): StatusChangeView {
  return {
    from: change.from_status,
    to: change.to_status,
    actor_type: change.actor_type,
    actor_id: change.actor_id,
    note: change.note,
    at: new Date(change.created_at).toISOString(),
  }
}

export function orderViewOf(
  order: OrderRow,
  lifecycle: OrderLifecycleRecord,
  history: OrderStatusChangeRecord[]
): OrderView {
  const items = (order.items ?? []).map(toLineView)
  return {
    id: order.id,
    display_id: order.display_id,
    user_id: order.customer_id,
    email: order.email,
    status: lifecycle.status,
    hold_expires_at: lifecycle.hold_expires_at
      ? new Date(lifecycle.hold_expires_at).toISOString()
      : null,
    currency_code: order.currency_code,
    items,
    item_count: unitCount(items),
    subtotal: money(order.item_subtotal),
    discount: money(order.discount_total),
    tax: money(order.tax_total),
    shipping: money(order.shipping_total),
    total: money(order.total),
    shipping_method: order.shipping_methods?.[0]?.name ?? null,
    shipping_address: toAddressView(order.shipping_address),
    billing_address: toAddressView(order.billing_address),
    payment: paymentSummary(order),
    status_history: history.map(historyView),
    created_at: new Date(order.created_at).toISOString(),
    updated_at: new Date(lifecycle.updated_at).toISOString(),
  }
}

/**
 * The contract's orders, in the order of `lifecycles`: Medusa's order (items, totals,
 * addresses, payment) with the engine's status and its history, oldest change first.
 */
export async function loadOrderViews(
  container: MedusaContainer,
  lifecycles: OrderLifecycleRecord[]
): Promise<OrderView[]> {
  if (!lifecycles.length) {
    return []
  }
  const orderIds = lifecycles.map((lifecycle) => lifecycle.order_id)
  const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const [{ data }, changes] = await Promise.all([
    queryGraph<OrderRow>(container, {
      entity: "order",
      fields: ORDER_VIEW_FIELDS,
      filters: { id: orderIds },
    }),
    service.listOrderStatusChanges(
      { order_id: orderIds },
      { order: { created_at: "ASC", id: "ASC" } }
    ),
  ])
  const orders = new Map(data.map((order) => [order.id, order]))
  return lifecycles.flatMap((lifecycle) => {
    const order = orders.get(lifecycle.order_id)
    if (!order) {
      return []
    }
    const history = changes.filter((change) => change.order_id === lifecycle.order_id)
    return [orderViewOf(order, lifecycle, history)]
  })
}
