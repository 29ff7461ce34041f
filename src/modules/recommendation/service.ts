import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { RecommendationOrder } from "./models/counted-order"
import { RecommendationCustomerProduct } from "./models/customer-product"
import { RecommendationPair } from "./models/product-pair"
import { RecommendationProduct } from "./models/product-popularity"
import * as read from "./sql/read"
import * as write from "./sql/write"
import type { AppliedPurchase, OrderPurchase, ScoredProduct } from "./types"

type LockedOrder = {
  customer_id: string | null
  product_ids: string[]
  counted: boolean
  paired: boolean
}

/**
 * Co-purchase counts of paid orders ("bought together"), product popularity and each
 * customer's purchases, kept incrementally per order (docs/RECOMMENDATIONS.md). The
 * module knows product and customer ids only; whether a product may be shown is the
 * catalog's business, decided by the query that reads both.
 */
export default class RecommendationModuleService extends MedusaService({
  RecommendationOrder,
  RecommendationPair,
  RecommendationProduct,
  RecommendationCustomerProduct,
}) {
  private async run<T>(manager: EntityManager, sql: string, params: unknown[] = []) {
    return (await manager.execute(sql, params as never[])) as T[]
  }

  /**
   * Brings one order's contribution to `purchase.counted`. Under the order row's lock:
   * nothing happens when it already is in that state (a redelivered event, a second
   * refresh); otherwise every counter of its products moves by +1 (start counting, with
   * the products read now) or −1 (stop, with the products it was counted with). Returns
   * the state before, which written back undoes the change.
   */
  @InjectTransactionManager()
  async applyOrder(
    purchase: OrderPurchase,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedPurchase> {
    const manager = sharedContext.transactionManager as EntityManager
    await this.run(manager, write.ENSURE_ORDER_SQL, [
      generateEntityId(undefined, "rcord"),
      purchase.order_id,
    ])
    const [current] = await this.run<LockedOrder>(manager, write.LOCK_ORDER_SQL, [
      purchase.order_id,
    ])
    const previous: OrderPurchase = {
      order_id: purchase.order_id,
      customer_id: current.customer_id,
      product_ids: current.product_ids,
      counted: current.counted,
      paired: current.paired,
      ordered_at: purchase.ordered_at,
    }
    if (current.counted === purchase.counted) {
      return { changed: false, previous }
    }
    // Counting uses the order as read now; withdrawing takes out exactly what was added.
    const applied = purchase.counted ? purchase : { ...previous, counted: false }
    const delta = purchase.counted ? 1 : -1
    await this.run(manager, write.SET_ORDER_SQL, [
      applied.counted,
      applied.paired,
      applied.customer_id,
      JSON.stringify(applied.product_ids),
      purchase.order_id,
    ])
    await this.run(manager, write.APPLY_COUNTS_SQL, [
      JSON.stringify(applied.product_ids),
      delta,
      applied.paired,
      delta,
      applied.customer_id,
      delta,
      applied.ordered_at,
      applied.customer_id,
    ])
    return { changed: true, previous }
  }

  /** The products most often bought with `productId`, in at least `minOrders` orders. */
  @InjectManager()
  async topPairs(
    productId: string,
    minOrders: number,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ScoredProduct[]> {
    return this.run<ScoredProduct>(sharedContext.manager as EntityManager, read.TOP_PAIRS_SQL, [
      productId,
      minOrders,
      limit,
    ])
  }

  /**
   * Products bought with the customer's latest `seeds` purchases (each seed's top
   * `perSeed` partners, summed), never one the customer bought.
   */
  @InjectManager()
  async customerPairs(
    customerId: string,
    options: { seeds: number; perSeed: number; minOrders: number; limit: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ScoredProduct[]> {
    return this.run<ScoredProduct>(
      sharedContext.manager as EntityManager,
      read.CUSTOMER_PAIRS_SQL,
      [customerId, options.seeds, options.minOrders, options.perSeed, customerId, options.limit]
    )
  }

  /** The customer's latest purchases, newest first. */
  @InjectManager()
  async recentPurchases(
    customerId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const rows = await this.run<{ product_id: string }>(
      sharedContext.manager as EntityManager,
      read.RECENT_PURCHASES_SQL,
      [customerId, limit]
    )
    return rows.map((row) => row.product_id)
  }

  /** Which of `productIds` the customer bought (in an order that still counts). */
  @InjectManager()
  async boughtAmong(
    customerId: string,
    productIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Set<string>> {
    if (!productIds.length) {
      return new Set()
    }
    const rows = await this.run<{ product_id: string }>(
      sharedContext.manager as EntityManager,
      read.BOUGHT_AMONG_SQL,
      [customerId, JSON.stringify(productIds)]
    )
    return new Set(rows.map((row) => row.product_id))
  }

  /** The most often bought products; without the customer's own purchases when given. */
  @InjectManager()
  async popular(
    customerId: string | null,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ScoredProduct[]> {
    return this.run<ScoredProduct>(sharedContext.manager as EntityManager, read.POPULAR_SQL, [
      customerId,
      customerId,
      limit,
    ])
  }
}
