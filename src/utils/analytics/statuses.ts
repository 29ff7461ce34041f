import type { OrderStatus } from "../../modules/order-lifecycle/types"

/**
 * Orders whose money was taken and not given back by a cancellation: their totals are
 * gross sales and their refunds are subtracted from them (docs/ANALYTICS.md).
 */
export const SALE_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "partially_refunded",
  "refunded",
] as const satisfies readonly OrderStatus[]

/** Sales still standing: counted as orders, in units, top products and customers. */
export const KEPT_STATUSES = [
  "paid",
  "processing",
  "shipped",
  "delivered",
  "partially_refunded",
] as const satisfies readonly OrderStatus[]
