import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { AnalyticsLocalDayZone } from "./models/local-day-zone"
import { AnalyticsOrderFact } from "./models/order-fact"
import { AnalyticsProductDay } from "./models/product-day"
import { AnalyticsProductHour } from "./models/product-hour"
import { AnalyticsProductMonth } from "./models/product-month"
import { AnalyticsSalesDay } from "./models/sales-day"
import { AnalyticsSalesHour } from "./models/sales-hour"
import { AnalyticsSalesLocalDay } from "./models/sales-local-day"
import * as read from "./sql/read"
import * as write from "./sql/write"
import type {
  CurrencyTotalsRow,
  CustomersRow,
  Grain,
  PeriodBounds,
  SeriesRow,
  StatusRow,
  TopRevenueRow,
  TopUnitsRow,
} from "./types"
import { analyticsSettings } from "../../config/analytics"
import type { OrderFactInput } from "../../utils/analytics/order-fact"
import { KEPT_STATUSES, SALE_STATUSES } from "../../utils/analytics/statuses"
import { rollupKeys, type RollupKey, type RollupUnit } from "../../utils/analytics/buckets"

type BucketKey = RollupKey

const KEPT = JSON.stringify(KEPT_STATUSES)
const SALE = JSON.stringify(SALE_STATUSES)

/** The distinct buckets of a level as one JSON parameter (src/utils/analytics/buckets.ts). */
function uniqueKeys(keys: BucketKey[], unit: RollupUnit): string {
  return JSON.stringify(rollupKeys(keys, unit))
}

function periodParams(period: PeriodBounds): string[] {
  return [period.from, period.tz, period.to, period.tz]
}

/** A sales read's period, then its zone once more (is it the zone of the local days?). */
function salesPeriodParams(period: PeriodBounds): string[] {
  return [...periodParams(period), period.tz]
}

/**
 * The analytics read model: one fact per order and rollups derived from the facts per UTC
 * hour, UTC day and month, and per local day of the store's timezone (docs/ANALYTICS.md). Writes take one advisory lock, so refreshes of orders in the same
 * hour and a rebuild never interleave; each recomputes the buckets it touched from the
 * facts, so writing the same facts again leaves every table as it was.
 */
export default class AnalyticsModuleService extends MedusaService({
  AnalyticsOrderFact,
  AnalyticsSalesHour,
  AnalyticsProductHour,
  AnalyticsSalesDay,
  AnalyticsProductDay,
  AnalyticsProductMonth,
  AnalyticsSalesLocalDay,
  AnalyticsLocalDayZone,
}) {
  private async run<T>(manager: EntityManager, sql: string, params: unknown[] = []) {
    return (await manager.execute(sql, params as never[])) as T[]
  }

  /** Writes the orders' facts, their customers' first/returning flags, and the rollups. */
  @InjectTransactionManager()
  async writeOrderFacts(
    facts: OrderFactInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!facts.length) {
      return
    }
    const manager = sharedContext.transactionManager as EntityManager
    await this.run(manager, write.LOCK_SQL)
    const orderIds = JSON.stringify(facts.map((fact) => fact.order_id))
    const before = await this.run<BucketKey>(manager, write.FACT_KEYS_SQL, [orderIds])
    const rows = facts.map((fact) => ({ ...fact, id: generateEntityId(undefined, "aof") }))
    const after = await this.run<BucketKey>(manager, write.UPSERT_FACTS_SQL, [JSON.stringify(rows)])
    const customers = [...new Set(facts.map((fact) => fact.customer_id).filter(Boolean))]
    const flagged = customers.length
      ? await this.run<BucketKey>(manager, write.RECOMPUTE_FLAGS_SQL, [
          KEPT,
          JSON.stringify(customers),
          JSON.stringify(customers),
        ])
      : []
    await this.recomputeBuckets(manager, [...before, ...after, ...flagged])
  }

  /** Removes orders' facts (a compensation) and recomputes what they touched. */
  @InjectTransactionManager()
  async removeOrderFacts(
    orderIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!orderIds.length) {
      return
    }
    const manager = sharedContext.transactionManager as EntityManager
    await this.run(manager, write.LOCK_SQL)
    const ids = JSON.stringify(orderIds)
    const before = await this.run<BucketKey>(manager, write.FACT_KEYS_SQL, [ids])
    const facts = await this.listAnalyticsOrderFacts(
      { order_id: orderIds },
      { select: ["customer_id"] },
      sharedContext
    )
    await this.run(manager, write.DELETE_FACTS_SQL, [ids])
    const customers = [...new Set(facts.map((fact) => fact.customer_id).filter(Boolean))]
    const flagged = customers.length
      ? await this.run<BucketKey>(manager, write.RECOMPUTE_FLAGS_SQL, [
          KEPT,
          JSON.stringify(customers),
          JSON.stringify(customers),
        ])
      : []
    await this.recomputeBuckets(manager, [...before, ...flagged])
  }

  private async recomputeBuckets(manager: EntityManager, keys: BucketKey[]): Promise<void> {
    if (!keys.length) {
      return
    }
    // Every level in the same transaction: a reader never sees days and hours disagree.
    // Three statements (a refresh runs on every order event): hours and days from the
    // facts, then the months from those days, then the local days of the zone the last
    // rebuild filled (none before the first).
    await this.run(manager, write.REFRESH_ROLLUPS_SQL, [
      uniqueKeys(keys, "hour"),
      KEPT,
      uniqueKeys(keys, "day"),
      KEPT,
    ])
    await this.run(manager, write.PRODUCT_MONTHS.refresh, [uniqueKeys(keys, "month")])
    await this.run(manager, write.LOCAL_DAYS.refresh, [uniqueKeys(keys, "hour")])
  }

  /**
   * Rebuilds every rollup from the facts in one transaction, after dropping facts not
   * rewritten since `staleBefore` (orders that no longer exist); the local days for
   * `timezone` (default: the store's, ANALYTICS_TIMEZONE). Readers see the old rollups
   * until it commits.
   */
  @InjectTransactionManager()
  async rebuildRollups(
    staleBefore: Date | null,
    timezone: string = analyticsSettings().timezone,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await this.run(manager, write.LOCK_SQL)
    if (staleBefore) {
      await this.run(manager, write.DELETE_FACTS_BEFORE_SQL, [staleBefore.toISOString()])
    }
    await this.run(manager, write.RECOMPUTE_FLAGS_SQL, [KEPT, null, null])
    for (const level of [write.HOUR_ROLLUPS, write.DAY_ROLLUPS]) {
      await this.run(manager, level.clearSales)
      await this.run(manager, level.clearProduct)
      await this.run(manager, level.rebuildSales)
      await this.run(manager, level.rebuildProduct, [KEPT])
    }
    await this.run(manager, write.PRODUCT_MONTHS.clear)
    await this.run(manager, write.PRODUCT_MONTHS.rebuild)
    await this.run(manager, write.LOCAL_DAYS.clear)
    await this.run(manager, write.LOCAL_DAYS.clearZone)
    await this.run(manager, write.LOCAL_DAYS.rebuild, [timezone])
    await this.run(manager, write.LOCAL_DAYS.setZone, [timezone])
  }

  @InjectManager()
  async currencyTotals(
    period: PeriodBounds,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CurrencyTotalsRow[]> {
    return this.run(sharedContext.manager as EntityManager, read.TOTALS_SQL, [
      ...salesPeriodParams(period),
      KEPT,
      SALE,
      SALE,
      KEPT,
    ])
  }

  @InjectManager()
  async salesSeries(
    period: PeriodBounds,
    grain: Grain,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<SeriesRow[]> {
    return this.run(sharedContext.manager as EntityManager, read.SERIES_SQL, [
      grain,
      period.tz,
      period.from,
      period.to,
      KEPT,
      SALE,
      SALE,
    ])
  }

  @InjectManager()
  async statusCounts(
    period: PeriodBounds,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<StatusRow[]> {
    return this.run(
      sharedContext.manager as EntityManager,
      read.STATUS_SQL,
      salesPeriodParams(period)
    )
  }

  @InjectManager()
  async customerCounts(
    period: PeriodBounds,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<CustomersRow> {
    const [row] = await this.run<CustomersRow>(
      sharedContext.manager as EntityManager,
      read.CUSTOMERS_SQL,
      salesPeriodParams(period)
    )
    return row
  }

  @InjectManager()
  async topProducts(
    period: PeriodBounds,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ by_revenue: TopRevenueRow[]; by_units: TopUnitsRow[] }> {
    const manager = sharedContext.manager as EntityManager
    const params = [...periodParams(period), limit]
    const [byRevenue, byUnits] = await Promise.all([
      this.run<TopRevenueRow>(manager, read.TOP_BY_REVENUE_SQL, params),
      this.run<TopUnitsRow>(manager, read.TOP_BY_UNITS_SQL, params),
    ])
    return { by_revenue: byRevenue, by_units: byUnits }
  }
}
