import type { OrderStatus } from "../../modules/order-lifecycle/types"
import { changesPurchases, isPurchase, PURCHASE_STATUSES } from "../order/purchase"
import type { OrderPurchase } from "../../modules/recommendation/types"

/**
 * Statuses in which an order counts as a purchase: money was taken and kept, at least in
 * part (the same as a verified purchase: utils/order/purchase.ts). A cancelled or fully
 * refunded order is taken out again; a partial refund keeps it (which lines were refunded
 * is not known, and most of the basket was kept).
 */
export const COUNTED_STATUSES = PURCHASE_STATUSES

export function countsAsPurchase(status: OrderStatus | null | undefined): boolean {
  return isPurchase(status ?? null)
}

/** Whether a status move can change what an order contributes (else nothing to do). */
export const changesPurchase = changesPurchases

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
