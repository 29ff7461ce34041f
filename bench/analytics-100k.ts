/**
 * Admin analytics at 100,000 orders, measured at the database (docs/PERFORMANCE.md,
 * "Analytics at 100,000 orders"). Synthetic orders go into Medusa's own order tables
 * (order, summary, items, line items) and the engine's lifecycle table by SQL — creating
 * 100k orders through Medusa's workflows would take hours — and their analytics facts are
 * derived from those rows, as the refresh workflow derives them. The rollups are rebuilt
 * by the module (timed), then each report is asked for a one-year period twice per round,
 * back to back (alternating which goes first): from the rollups (the report's own view)
 * and from the order tables without them (bench/analytics-orders-sql.ts). The answers of
 * both are compared. Use a dedicated, migrated database:
 *
 *   createdb -h localhost -U postgres bench_analytics_100k
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_analytics_100k npx medusa db:migrate
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_analytics_100k BENCH_ORDERS=100000 \
 *     BENCH_ROUNDS=30 BENCH_TZ=Europe/Paris npx medusa exec ./bench/analytics-100k.ts
 *
 * BENCH_TZ is the store's timezone (the zone the rebuild keeps local days for, as
 * ANALYTICS_TIMEZONE does for the server); the other zones measured read hours and UTC
 * days. Orders and facts are only inserted while fewer than BENCH_ORDERS exist.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadavg } from "node:os"
import { performance } from "node:perf_hooks"
import { Pool } from "pg"
import { ANALYTICS_MODULE } from "../src/modules/analytics"
import type AnalyticsModuleService from "../src/modules/analytics/service"
import {
  customersView,
  ordersByStatusView,
  salesView,
  summaryView,
  topProductsView,
} from "../src/queries/analytics/analytics-view"
import { previousPeriod, type Period } from "../src/utils/analytics/period"
import {
  BENCH_ORDER_COUNT_SQL,
  FACTS_FROM_ORDERS_SQL,
  FROM_ORDERS,
  SEED_ORDERS_SQL,
} from "./analytics-orders-sql"
import { backendsOf, cpuMsBetween, sampleCpu } from "./proc-cpu"

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const STORE_TZ = process.env.BENCH_TZ ?? "Europe/Paris"
const BATCH = 10_000
const TOP = 10

const KEPT = ["paid", "processing", "shipped", "delivered", "partially_refunded"]
const SALE = [...KEPT, "refunded"]

const ROW_COUNTS_SQL = `
  select (select count(*) from "order")::int as orders,
    (select count(*) from order_item)::int as order_items,
    (select count(*) from analytics_order_fact)::int as facts,
    (select count(*) from analytics_sales_hour)::int as sales_hour,
    (select count(*) from analytics_sales_day)::int as sales_day,
    (select count(*) from analytics_sales_local_day)::int as sales_local_day,
    (select count(*) from analytics_product_hour)::int as product_hour,
    (select count(*) from analytics_product_day)::int as product_day,
    (select count(*) from analytics_product_month)::int as product_month`

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const value = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)]
  return Math.round(value * 10) / 10
}

async function elapsed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return performance.now() - started
}

/** p50/p95 of one question alone (after one warm-up run). */
async function timed(run: () => Promise<unknown>) {
  await run()
  const samples: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    samples.push(await elapsed(run))
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}

/** The bench database's name: its PostgreSQL backends serve both pools (the module's, ours). */
let database = ""

/**
 * One call's latency, and the CPU it cost: this process (the view's JavaScript, the
 * driver) and the database's backends. On a machine shared with other work the CPU time
 * is what the call would take alone, where the latency also holds the waits for a core.
 */
async function measured(run: () => Promise<unknown>): Promise<{ ms: number; cpu: number }> {
  // Backends are looked up each time: a pool may open a connection during a call.
  const cpuBefore = sampleCpu(backendsOf(database))
  const ownBefore = process.cpuUsage()
  const ms = await elapsed(run)
  const own = process.cpuUsage(ownBefore)
  const cpu =
    cpuMsBetween(cpuBefore, sampleCpu(backendsOf(database))) + (own.user + own.system) / 1000
  return { ms, cpu }
}

const mean = (values: number[]) =>
  Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10

/**
 * The same question from the rollups and from the order tables, back to back in each
 * round (which goes first alternates), so both meet the same machine load.
 */
async function pair(rollups: () => Promise<unknown>, orders: () => Promise<unknown>) {
  await rollups()
  await orders()
  const a: { ms: number; cpu: number }[] = []
  const b: { ms: number; cpu: number }[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2) {
      b.push(await measured(orders))
      a.push(await measured(rollups))
    } else {
      a.push(await measured(rollups))
      b.push(await measured(orders))
    }
  }
  const rollupP95 = percentile(
    a.map((x) => x.ms),
    0.95
  )
  const ordersP95 = percentile(
    b.map((x) => x.ms),
    0.95
  )
  const rollupCpu = mean(a.map((x) => x.cpu))
  const ordersCpu = mean(b.map((x) => x.cpu))
  return {
    rollups_p50: percentile(
      a.map((x) => x.ms),
      0.5
    ),
    rollups_p95: rollupP95,
    orders_p50: percentile(
      b.map((x) => x.ms),
      0.5
    ),
    orders_p95: ordersP95,
    ratio_p95: Math.round((rollupP95 / ordersP95) * 1000) / 1000,
    rollups_cpu_ms: rollupCpu,
    orders_cpu_ms: ordersCpu,
    ratio_cpu: Math.round((rollupCpu / ordersCpu) * 1000) / 1000,
  }
}

/** Amounts as numbers with two decimals, so "35.5" and "35.50" compare equal. */
function normalised(rows: Record<string, unknown>[]): string {
  return JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
            ? Number(value).toFixed(2)
            : value,
        ])
      )
    )
  )
}

async function seed(pool: Pool, log: (line: string) => void): Promise<void> {
  const { rows } = await pool.query(BENCH_ORDER_COUNT_SQL)
  if (rows[0].n < ORDERS) {
    const started = performance.now()
    for (let from = rows[0].n + 1; from <= ORDERS; from += BATCH) {
      await pool.query(SEED_ORDERS_SQL, [from, Math.min(ORDERS, from + BATCH - 1)])
    }
    log(`orders inserted in ${Math.round(performance.now() - started)} ms`)
  }
  // Statistics for the rows just written: without them the planner takes the new tables
  // for empty and derives the facts with nested loops (minutes instead of seconds).
  await pool.query(`analyze "order", order_summary, order_line_item, order_item, order_lifecycle`)
  const started = performance.now()
  const facts = await pool.query(FACTS_FROM_ORDERS_SQL)
  if (facts.rowCount) {
    log(`${facts.rowCount} facts derived in ${Math.round(performance.now() - started)} ms`)
  }
}

export default async function benchAnalytics({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const url = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl
  const pool = new Pool({ connectionString: url, max: 4 })
  const log = (line: string) => logger.info(`analytics bench: ${line}`)
  try {
    await seed(pool, log)
    const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    const rebuildMs = await elapsed(() => analytics.rebuildRollups(null, STORE_TZ))
    // Steady state: the rebuild rewrote every rollup; autovacuum would clean up after it
    // (measuring while it does so times the vacuum, not the reads). Medusa's tables were
    // just written too.
    await pool.query(
      `vacuum analyze analytics_order_fact, analytics_sales_hour, analytics_product_hour,
        analytics_sales_day, analytics_product_day, analytics_product_month,
        analytics_sales_local_day, analytics_local_day_zone, "order", order_summary,
        order_item, order_line_item, order_lifecycle`
    )
    const counts = (await pool.query(ROW_COUNTS_SQL)).rows[0]

    const today = new Date().toISOString().slice(0, 10)
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
    const year: Period = { from: yearAgo, to: today, tz: STORE_TZ }
    const asked = (period: Period) => [period.from, period.to, period.tz]
    const q = (sql: string, params: unknown[]) => pool.query(sql, params).then((r) => r.rows)

    // The reports' questions asked of the order tables, shaped as each endpoint asks them.
    const orders = {
      totals: (period: Period) => q(FROM_ORDERS.totals, [...asked(period), KEPT, SALE]),
      customers: (period: Period) => q(FROM_ORDERS.customers, [...asked(period), KEPT]),
      series: (period: Period, grain: string) =>
        q(FROM_ORDERS.series, [...asked(period), grain, KEPT, SALE]),
      summary: (period: Period) =>
        Promise.all([
          orders.totals(period),
          orders.totals(previousPeriod(period)),
          orders.customers(period),
          orders.customers(previousPeriod(period)),
        ]),
      topProducts: (period: Period) =>
        Promise.all([
          q(FROM_ORDERS.topByRevenue, [...asked(period), KEPT, TOP]),
          q(FROM_ORDERS.topByUnits, [...asked(period), KEPT, TOP]),
        ]),
      byStatus: (period: Period) => q(FROM_ORDERS.byStatus, asked(period)),
      customersReport: (period: Period) =>
        Promise.all([orders.customers(period), orders.customers(previousPeriod(period))]),
    }

    // Same answers both ways (amounts compared to the cent).
    const top = await analytics.topProducts(year, TOP)
    const [ordersTopRevenue, ordersTopUnits] = await orders.topProducts(year)
    const [customersFromOrders] = await orders.customers(year)
    const same = {
      totals:
        normalised(await analytics.currencyTotals(year)) === normalised(await orders.totals(year)),
      sales_by_day:
        normalised(await analytics.salesSeries(year, "day")) ===
        normalised(await orders.series(year, "day")),
      sales_by_day_new_york:
        normalised(await analytics.salesSeries({ ...year, tz: "America/New_York" }, "day")) ===
        normalised(await orders.series({ ...year, tz: "America/New_York" }, "day")),
      sales_by_week:
        normalised(await analytics.salesSeries(year, "week")) ===
        normalised(await orders.series(year, "week")),
      top_by_revenue: normalised(top.by_revenue) === normalised(ordersTopRevenue),
      top_by_units: normalised(top.by_units) === normalised(ordersTopUnits),
      orders_by_status:
        normalised(await analytics.statusCounts(year)) === normalised(await orders.byStatus(year)),
      customers:
        JSON.stringify(await analytics.customerCounts(year)) ===
        JSON.stringify(customersFromOrders),
    }

    database = new URL(String(url)).pathname.slice(1)
    const newYork = { ...year, tz: "America/New_York" }
    const utc = { ...year, tz: "UTC" }
    const results = {
      orders: ORDERS,
      store_timezone: STORE_TZ,
      load_average: loadavg().map((value) => Math.round(value * 10) / 10),
      rows: counts,
      rebuild_ms: Math.round(rebuildMs),
      same_answers: same,
      // The floor of any read: one round trip to PostgreSQL.
      select_1: await timed(() => q("select 1", [])),
      endpoints: {
        summary: await pair(
          () => summaryView(container, year),
          () => orders.summary(year)
        ),
        sales_by_day: await pair(
          () => salesView(container, year, "day"),
          () => orders.series(year, "day")
        ),
        sales_by_week: await pair(
          () => salesView(container, year, "week"),
          () => orders.series(year, "week")
        ),
        sales_by_month: await pair(
          () => salesView(container, year, "month"),
          () => orders.series(year, "month")
        ),
        sales_by_day_utc: await pair(
          () => salesView(container, utc, "day"),
          () => orders.series(utc, "day")
        ),
        sales_by_day_new_york: await pair(
          () => salesView(container, newYork, "day"),
          () => orders.series(newYork, "day")
        ),
        top_products: await pair(
          () => topProductsView(container, year, TOP),
          () => orders.topProducts(year)
        ),
        orders_by_status: await pair(
          () => ordersByStatusView(container, year),
          () => orders.byStatus(year)
        ),
        customers: await pair(
          () => customersView(container, year),
          () => orders.customersReport(year)
        ),
      },
    }
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  } finally {
    await pool.end()
  }
}
