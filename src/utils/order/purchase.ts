import type { OrderStatus } from "../../modules/order-lifecycle/types"

/**
 * Statuses in which an order is a purchase the customer paid for and kept: paid and every
 * later step of fulfilment, and a partial refund (part of it was kept). Pending (unpaid),
 * cancelled and fully refunded orders are not. What "verified purchase" on a review
 * means (docs/REVIEWS.md).
 */
export const PURCHASE_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "partially_refunded",
] as const satisfies readonly OrderStatus[]

export function isPurchase(status: OrderStatus | null): boolean {
  return status !== null && (PURCHASE_STATUSES as readonly OrderStatus[]).includes(status)
}

/**
 * Whether a status move takes an order into or out of the purchases (placing, paying,
 * cancelling a paid order, refunding it fully). Moves within either side (placed, paid →
 * processing → shipped, pending → cancelled) change no customer's purchases.
 */
export function changesPurchases(from: OrderStatus | null, to: OrderStatus): boolean {
  return isPurchase(from) !== isPurchase(to)
}
