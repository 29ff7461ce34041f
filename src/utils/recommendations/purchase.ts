import type { OrderStatus } from "../../modules/order-lifecycle/types"
import type { OrderPurchase } from "../../modules/recommendation/types"

/**
 * Statuses in which an order counts as a purchase: money was taken and kept, at least in
 * part. A cancelled or fully refunded order is taken out again; a partial refund keeps
 * it (which lines were refunded is not known, and most of the basket was kept).
 */
export const COUNTED_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "partially_refunded",
] as const satisfies readonly OrderStatus[]

export function countsAsPurchase(status: OrderStatus | null | undefined): boolean {
  return Boolean(status) && (COUNTED_STATUSES as readonly string[]).includes(status as string)
}

/** Whether a status move can change what an order contributes (else nothing to do). */
export function changesPurchase(from: OrderStatus | null, to: OrderStatus): boolean {
  return countsAsPurchase(from) !== countsAsPurchase(to)
}

/** An order's contribution: its distinct products, sorted; pairs only for small baskets. */
export function orderPurchase(input: {
  order_id: string
  customer_id: string | null
  status: OrderStatus | null
  product_ids: (string | null | undefined)[]
  ordered_at: string
  max_pair_products: number
}): OrderPurchase {
  const productIds = [...new Set(input.product_ids.filter((id): id is string => Boolean(id)))]
  productIds.sort()
  return {
    order_id: input.order_id,
    customer_id: input.customer_id,
    product_ids: productIds,
    counted: countsAsPurchase(input.status) && productIds.length > 0,
    paired: productIds.length >= 2 && productIds.length <= input.max_pair_products,
    ordered_at: input.ordered_at,
  }
}
