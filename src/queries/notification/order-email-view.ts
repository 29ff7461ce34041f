import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { IDENTITY_MODULE } from "../../modules/identity"
import type IdentityModuleService from "../../modules/identity/service"
import { money, sumAmounts } from "../../utils/money"
import {
  ORDER_EMAIL_EXTRAS,
  type OrderEmailData,
  type OrderEmailKind,
} from "../../utils/notifications/order-email"
import { emailLocaleOf, type EmailLocale } from "../../utils/notifications/locale"
import { toLineView, type LineRow } from "../order/line-view"
import { queryGraph } from "../graph"

type OrderEmailRow = {
  id: string
  display_id: number
  email: string | null
  currency_code: string
  customer_id: string | null
  created_at: string | Date
  customer?: { first_name: string | null } | null
  shipping_address?: { first_name: string | null } | null
  items?: LineRow[]
  item_subtotal: BigNumberInput
  discount_total: BigNumberInput
  shipping_total: BigNumberInput
  tax_total: BigNumberInput
  total: BigNumberInput
  fulfillments?: {
    canceled_at: string | Date | null
    labels?: { tracking_number: string | null; tracking_url: string | null }[]
  }[]
  payment_collections?: { payments?: { refunds?: { amount: BigNumberInput }[] }[] }[]
}

/** What an order email needs: the recipient, their language, and the order's content. */
export type OrderEmailView = {
  order_id: string
  /** The order's customer (null for a guest order): the notification's receiver. */
  customer_id: string | null
  email: string
  locale: EmailLocale
  /** False when the customer's preferences leave email out of their notification channels. */
  wants_email: boolean
  data: Omit<OrderEmailData, "order_url" | "shop_name">
}

const FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "customer_id",
  "created_at",
  "customer.first_name",
  "shipping_address.first_name",
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
  "discount_total",
  "shipping_total",
  "tax_total",
  "total",
]

const TRACKING_FIELDS = [
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "fulfillments.labels.tracking_url",
]

const REFUND_FIELDS = ["payment_collections.payments.refunds.amount"]

type Preferences = { locale?: string; notification_channels?: string[] }

async function preferencesOf(
  container: MedusaContainer,
  customerId: string | null
): Promise<Preferences> {
  if (!customerId) {
    return {}
  }
  const [profile] = await container
    .resolve<IdentityModuleService>(IDENTITY_MODULE)
    .listProfiles({ actor_type: "customer", actor_id: customerId }, { take: 1 })
  return (profile?.preferences ?? {}) as Preferences
}

/**
 * The order as an email of `kind` shows it (its refunds and tracking only when the kind
 * shows them: ORDER_EMAIL_EXTRAS); null when the order is unknown or has no email.
 */
export async function loadOrderEmailView(
  container: MedusaContainer,
  orderId: string,
  kind: OrderEmailKind
): Promise<OrderEmailView | null> {
  const extras = ORDER_EMAIL_EXTRAS[kind]
  const { data } = await queryGraph<OrderEmailRow>(container, {
    entity: "order",
    fields: [
      ...FIELDS,
      ...(extras.tracking ? TRACKING_FIELDS : []),
      ...(extras.refunds ? REFUND_FIELDS : []),
    ],
    filters: { id: orderId },
  })
  const order = data[0]
  if (!order?.email) {
    return null
  }
  const preferences = await preferencesOf(container, order.customer_id)
  const channels = preferences.notification_channels
  const payments = (order.payment_collections ?? []).flatMap((c) => c.payments ?? [])
  const refunded = sumAmounts(payments.flatMap((payment) => payment.refunds ?? []))
  const tracking = (order.fulfillments ?? [])
    .filter((fulfillment) => !fulfillment.canceled_at)
    .flatMap((fulfillment) => fulfillment.labels ?? [])
    .map((label) => ({ number: label.tracking_number || null, url: label.tracking_url || null }))
  const shown = {
    ...(extras.refunds ? { refunded: money(refunded) } : {}),
    ...(extras.tracking ? { tracking } : {}),
  }

  return {
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    email: order.email,
    locale: emailLocaleOf(preferences.locale),
    wants_email: !Array.isArray(channels) || channels.includes("email"),
    data: {
      display_id: order.display_id,
      currency_code: order.currency_code,
      created_at: new Date(order.created_at).toISOString(),
      customer_name: order.customer?.first_name || order.shipping_address?.first_name || null,
      items: (order.items ?? []).map(toLineView).map((line) => ({
        title: line.name,
        quantity: line.quantity,
        unit_price: line.unit_price,
        total: line.line_total,
      })),
      subtotal: money(order.item_subtotal),
      discount: money(order.discount_total),
      shipping: money(order.shipping_total),
      tax: money(order.tax_total),
      total: money(order.total),
      ...shown,
    },
  }
}
