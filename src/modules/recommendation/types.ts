import type { InferTypeOf } from "@medusajs/framework/types"
import type { RecommendationOrder } from "./models/counted-order"

export type RecommendationOrderRecord = InferTypeOf<typeof RecommendationOrder>

/** What an order should contribute now, as the refresh workflow read it. */
export type OrderPurchase = {
  order_id: string
  customer_id: string | null
  /** Distinct product ids of the order's lines. */
  product_ids: string[]
  /** Whether the order counts now (paid and not cancelled or refunded). */
  counted: boolean
  /** Whether its pairs count (not a basket of very many products). */
  paired: boolean
  /** When it was paid (the customer's "latest purchases" order by it). */
  ordered_at: string
}

/** What `applyOrder` found and did: `previous` is what compensation writes back. */
export type AppliedPurchase = {
  changed: boolean
  previous: OrderPurchase
}

/** A candidate product and how many orders support it. */
export type ScoredProduct = { product_id: string; orders: number }
