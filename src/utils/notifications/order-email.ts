import { MedusaError } from "@medusajs/framework/utils"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import type { EmailDocument } from "./document"
import { formatDate, formatMoney, type EmailLocale } from "./locale"

/** The order emails: one per status the spec names, "placed" for the order's first entry. */
export const ORDER_EMAIL_KINDS = [
  "placed",
  "paid",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number]

/**
 * Which email a recorded status change sends: the first entry (no `from`, to pending) is
 * the order confirmation; every other move is the email of the status it reached.
 */
export function orderEmailKindOf(change: {
  from: OrderStatus | null
  to: OrderStatus
}): OrderEmailKind | null {
  if (change.to === "pending") {
    return change.from === null ? "placed" : null
  }
  return change.to
}

/**
 * What each kind shows beyond the order's lines and totals: the refunds (two more module
 * reads through the order's payments) and the tracking (two through its fulfillments).
 * An email reads only what its kind shows: the confirmation and the payment email, two per
 * order, are sent from the worker for every checkout.
 */
export const ORDER_EMAIL_EXTRAS: Record<OrderEmailKind, { refunds: boolean; tracking: boolean }> = {
  placed: { refunds: false, tracking: false },
  paid: { refunds: false, tracking: false },
  processing: { refunds: false, tracking: false },
  shipped: { refunds: false, tracking: true },
  delivered: { refunds: false, tracking: false },
  cancelled: { refunds: false, tracking: false },
  refunded: { refunds: true, tracking: false },
  partially_refunded: { refunds: true, tracking: false },
}

/** What an order email shows; amounts are the contract's decimal strings. */
export type OrderEmailData = {
  display_id: number
  currency_code: string
  created_at: string
  customer_name: string | null
  items: { title: string; quantity: number; unit_price: string; total: string }[]
  subtotal: string
  discount: string
  shipping: string
  tax: string
  total: string
  /**
   * Everything refunded on the order so far: read only for the kinds that show it
   * (ORDER_EMAIL_EXTRAS), absent otherwise.
   */
  refunded?: string
  /** The shipment's tracking: read only for the kinds that show it, absent otherwise. */
  tracking?: { number: string | null; url: string | null }[]
  /** The storefront's page of the order, if the storefront has one. */
  order_url: string | null
  shop_name: string
}

type OrderCopy = {
  subject: Record<OrderEmailKind, (order: string) => string>
  heading: Record<OrderEmailKind, string>
  body: Record<OrderEmailKind, (order: string, amount: string) => string>
  greeting: (name: string | null) => string
  placedOn: (date: string) => string
  columns: [string, string, string]
  subtotal: string
  discount: string
  shipping: string
  tax: string
  total: string
  refunded: string
  tracking: string
  noTracking: string
  view: string
  footer: (shop: string) => string
}

const COPY: Record<EmailLocale, OrderCopy> = {
  en: {
    subject: {
      placed: (order) => `Order ${order} received`,
      paid: (order) => `Payment received for order ${order}`,
      processing: (order) => `Order ${order} is being prepared`,
      shipped: (order) => `Order ${order} has shipped`,
      delivered: (order) => `Order ${order} was delivered`,
      cancelled: (order) => `Order ${order} was cancelled`,
      refunded: (order) => `Order ${order} was refunded`,
      partially_refunded: (order) => `Partial refund for order ${order}`,
    },
    heading: {
      placed: "Thank you for your order",
      paid: "Payment received",
      processing: "We are preparing your order",
      shipped: "Your order is on its way",
      delivered: "Your order was delivered",
      cancelled: "Your order was cancelled",
      refunded: "Your refund is on its way",
      partially_refunded: "Part of your order was refunded",
    },
    body: {
      placed: (order) => `We received your order ${order}. Here is what you ordered.`,
      paid: (order, amount) => `We received your payment of ${amount} for order ${order}.`,
      processing: (order) => `Order ${order} is paid and we are getting it ready to ship.`,
      shipped: (order) => `Order ${order} has left our warehouse.`,
      delivered: (order) => `Order ${order} was delivered. We hope you enjoy it.`,
      cancelled: (order) =>
        `Order ${order} was cancelled. Any money already taken for it is refunded.`,
      refunded: (order, amount) =>
        `We refunded ${amount} for order ${order}. Your bank may take a few days to show it.`,
      partially_refunded: (order, amount) =>
        `We refunded ${amount} of order ${order} so far. Your bank may take a few days to show it.`,
    },
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    placedOn: (date) => `Placed on ${date}.`,
    columns: ["Item", "Qty", "Total"],
    subtotal: "Subtotal",
    discount: "Discount",
    shipping: "Shipping",
    tax: "Tax",
    total: "Total",
    refunded: "Refunded",
    tracking: "Tracking",
    noTracking: "We will send the tracking details when the carrier has them.",
    view: "View your order",
    footer: (shop) => `${shop}. You receive this email because you placed an order with us.`,
  },
  de: {
    subject: {
      placed: (order) => `Bestellung ${order} eingegangen`,
      paid: (order) => `Zahlung für Bestellung ${order} erhalten`,
      processing: (order) => `Bestellung ${order} wird vorbereitet`,
      shipped: (order) => `Bestellung ${order} wurde versandt`,
      delivered: (order) => `Bestellung ${order} wurde zugestellt`,
      cancelled: (order) => `Bestellung ${order} wurde storniert`,
      refunded: (order) => `Bestellung ${order} wurde erstattet`,
      partially_refunded: (order) => `Teilerstattung für Bestellung ${order}`,
    },
    heading: {
      placed: "Vielen Dank für Ihre Bestellung",
      paid: "Zahlung erhalten",
      processing: "Wir bereiten Ihre Bestellung vor",
      shipped: "Ihre Bestellung ist unterwegs",
      delivered: "Ihre Bestellung wurde zugestellt",
      cancelled: "Ihre Bestellung wurde storniert",
      refunded: "Ihre Erstattung ist unterwegs",
      partially_refunded: "Ein Teil Ihrer Bestellung wurde erstattet",
    },
    body: {
      placed: (order) => `Wir haben Ihre Bestellung ${order} erhalten. Das haben Sie bestellt:`,
      paid: (order, amount) =>
        `Wir haben Ihre Zahlung über ${amount} für Bestellung ${order} erhalten.`,
      processing: (order) =>
        `Bestellung ${order} ist bezahlt und wird für den Versand vorbereitet.`,
      shipped: (order) => `Bestellung ${order} hat unser Lager verlassen.`,
      delivered: (order) => `Bestellung ${order} wurde zugestellt. Viel Freude damit!`,
      cancelled: (order) =>
        `Bestellung ${order} wurde storniert. Bereits gezahltes Geld wird erstattet.`,
      refunded: (order, amount) =>
        `Wir haben ${amount} für Bestellung ${order} erstattet. Ihre Bank zeigt es eventuell erst nach einigen Tagen an.`,
      partially_refunded: (order, amount) =>
        `Wir haben bisher ${amount} von Bestellung ${order} erstattet. Ihre Bank zeigt es eventuell erst nach einigen Tagen an.`,
    },
    greeting: (name) => (name ? `Hallo ${name},` : "Hallo,"),
    placedOn: (date) => `Bestellt am ${date}.`,
    columns: ["Artikel", "Menge", "Summe"],
    subtotal: "Zwischensumme",
    discount: "Rabatt",
    shipping: "Versand",
    tax: "Steuer",
    total: "Gesamt",
    refunded: "Erstattet",
    tracking: "Sendungsverfolgung",
    noTracking: "Die Sendungsverfolgung schicken wir, sobald der Versanddienst sie hat.",
    view: "Bestellung ansehen",
    footer: (shop) => `${shop}. Sie erhalten diese E-Mail, weil Sie bei uns bestellt haben.`,
  },
}

/**
 * The refunds and tracking an email of `kind` shows (ORDER_EMAIL_EXTRAS), which its data
 * must then carry: an email that shows a refund it was not given would say "€0.00".
 */
function extrasOf(
  kind: OrderEmailKind,
  order: OrderEmailData
): { refunded: string | undefined; tracking: NonNullable<OrderEmailData["tracking"]> } {
  const extras = ORDER_EMAIL_EXTRAS[kind]
  if ((extras.refunds && order.refunded === undefined) || (extras.tracking && !order.tracking)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `The ${kind} email of order #${order.display_id} was built without the ${extras.refunds ? "refunds" : "tracking"} it shows`
    )
  }
  return {
    refunded: extras.refunds ? order.refunded : undefined,
    tracking: extras.tracking ? (order.tracking ?? []) : [],
  }
}

/** The email of an order status, in the reader's locale, money in the order's currency. */
export function orderEmailDocument(
  kind: OrderEmailKind,
  order: OrderEmailData,
  locale: EmailLocale
): EmailDocument {
  const copy = COPY[locale]
  const money = (amount: string) => formatMoney(amount, order.currency_code, locale)
  const number = `#${order.display_id}`
  const { refunded, tracking } = extrasOf(kind, order)
  const amount = kind === "paid" ? money(order.total) : refunded ? money(refunded) : ""
  const paragraphs = [copy.greeting(order.customer_name), copy.body[kind](number, amount)]
  if (kind === "placed") {
    paragraphs.push(copy.placedOn(formatDate(order.created_at, locale)))
  }

  const document: EmailDocument = {
    subject: copy.subject[kind](number),
    preheader: copy.body[kind](number, amount),
    heading: copy.heading[kind],
    paragraphs,
    footer: copy.footer(order.shop_name),
  }

  if (kind === "placed") {
    document.table = {
      columns: copy.columns,
      rows: order.items.map((item) => [item.title, String(item.quantity), money(item.total)]),
    }
    document.summary = [
      { label: copy.subtotal, value: money(order.subtotal) },
      ...(order.discount !== "0.00"
        ? [{ label: copy.discount, value: `-${money(order.discount)}` }]
        : []),
      { label: copy.shipping, value: money(order.shipping) },
      { label: copy.tax, value: money(order.tax) },
      { label: copy.total, value: money(order.total), strong: true },
    ]
  }
  if (kind === "shipped") {
    const known = tracking.filter((entry) => entry.number || entry.url)
    if (known.length) {
      document.summary = known.map((entry) => ({
        label: copy.tracking,
        value: [entry.number, entry.url].filter(Boolean).join(" "),
      }))
    } else {
      paragraphs.push(copy.noTracking)
    }
  }
  if (refunded !== undefined) {
    document.summary = [
      { label: copy.refunded, value: money(refunded), strong: true },
      { label: copy.total, value: money(order.total) },
    ]
  }
  if (order.order_url) {
    document.button = { label: copy.view, url: order.order_url }
  }
  return document
}
