/**
 * Admin analytics at 100,000 orders, measured at the database (docs/PERFORMANCE.md,
 * "Analytics at 100,000 orders"). Synthetic facts go straight into analytics_order_fact
 * (one row per order, as the analytics subscribers write them: creating 100k orders
 * through Medusa would take hours), the rollups are rebuilt by the module (timed), then
 * each report's query runs for a one-year period, and the same questions are answered
 * from the per-order facts without the rollups — a lower bound for reading Medusa's order
 * tables, which hold more rows per order. Use a dedicated, migrated database:
 *
 *   createdb -h localhost -U postgres bench_analytics_100k
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_analytics_100k npx medusa db:migrate
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_analytics_100k BENCH_ORDERS=100000 \
 *     BENCH_ROUNDS=30 npx medusa exec ./bench/analytics-100k.ts
 *
 * Facts are only inserted when the table holds fewer than BENCH_ORDERS rows.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { performance } from "node:perf_hooks"
import { Client } from "pg"
import { ANALYTICS_MODULE } from "../src/modules/analytics"
import type AnalyticsModuleService from "../src/modules/analytics/service"
import {
  customersView,
  ordersByStatusView,
  salesView,
  summaryView,
  topProductsView,
} from "../src/queries/analytics/analytics-view"
import type { Period } from "../src/utils/analytics/period"

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const PRODUCTS = 500
const CUSTOMERS = 20_000

/**
 * One statement: orders spread over the last 400 days, 80 % USD and 20 % EUR, the spec's
 * statuses in realistic shares, one to three lines of 500 products, 20,000 customers.
 */
const INSERT_SQL = `
  insert into analytics_order_fact (id, order_id, customer_id, currency_code, placed_at, status,
    total, refunded, units, lines, raw_total, raw_refunded)
  select 'aof_bench_' || n, 'order_bench_' || n, 'cus_bench_' || (n % ${CUSTOMERS}),
    case when n % 5 = 0 then 'eur' else 'usd' end,
    now() - (random() * interval '400 days'),
    status, total, refunded, units, lines,
    jsonb_build_object('value', total::text, 'precision', 20),
    jsonb_build_object('value', refunded::text, 'precision', 20)
  from (
    select n, status, total,
      case status when 'refunded' then total when 'partially_refunded' then round(total / 3, 2)
        else 0 end as refunded,
      units, lines
    from (
      select n,
        (array['paid','paid','processing','shipped','delivered','delivered','delivered',
          'cancelled','refunded','partially_refunded','pending'])[1 + (n % 11)] as status,
        (1 + (n % 3)) as units,
        round((10 + random() * 190)::numeric, 2) as total,
        jsonb_build_array(jsonb_build_object('product_id', 'prod_bench_' || (n % ${PRODUCTS}),
          'quantity', 1 + (n % 3), 'revenue', '25.00')) as lines
      from generate_series($1::int, $2::int) as n
    ) as generated
  ) as facts`

/**
 * The same questions answered from the per-order facts, without the rollups (a lower
 * bound for reading Medusa's order tables). Params: from, to, tz, then as named.
 */
const FACTS_IN_PERIOD = `deleted_at is null
  and placed_at >= ($1::date)::timestamp at time zone $3
  and placed_at < (($2::date) + 1)::timestamp at time zone $3`

const FROM_FACTS = {
  /** Params: period (3), kept, sale. */
  totals: `
  select currency_code, count(*) filter (where status = any($4)) as orders,
    coalesce(sum(total) filter (where status = any($5)), 0) as gross,
    coalesce(sum(refunded) filter (where status = any($5)), 0) as refunds,
    coalesce(sum(units) filter (where status = any($4)), 0) as units
  from analytics_order_fact where ${FACTS_IN_PERIOD} group by currency_code`,
  /** Params: period (3), kept, sale. */
  salesByDay: `
  select date_trunc('day', placed_at at time zone $3) as period, currency_code,
    count(*) filter (where status = any($4)) as orders,
    coalesce(sum(total) filter (where status = any($5)), 0) as gross,
    coalesce(sum(refunded) filter (where status = any($5)), 0) as refunds
  from analytics_order_fact where ${FACTS_IN_PERIOD} group by 1, 2 order by 1, 2`,
  /** Params: period (3), kept. */
  topByUnits: `
  select l.product_id, sum(l.quantity) as units
  from analytics_order_fact
  cross join jsonb_to_recordset(lines) as l(product_id text, quantity int, revenue numeric)
  where ${FACTS_IN_PERIOD} and status = any($4)
  group by 1 order by 2 desc, 1 limit 10`,
  /** Params: period (3). */
  byStatus: `
  select status, count(*) from analytics_order_fact where ${FACTS_IN_PERIOD} group by 1`,
  /** Params: period (3). */
  customers: `
  select count(*) filter (where first_order) as new_customers,
    count(*) filter (where "returning") as returning_orders
  from analytics_order_fact where ${FACTS_IN_PERIOD}`,
}

const ROW_COUNTS_SQL = `
  select (select count(*) from analytics_order_fact)::int as facts,
    (select count(*) from analytics_sales_hour)::int as sales_hour,
    (select count(*) from analytics_sales_day)::int as sales_day,
    (select count(*) from analytics_product_hour)::int as product_hour,
    (select count(*) from analytics_product_day)::int as product_day,
    (select count(*) from analytics_product_month)::int as product_month`

const KEPT = ["paid", "processing", "shipped", "delivered", "partially_refunded"]
const SALE = [...KEPT, "refunded"]

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]
}

async function timed(rounds: number, run: () => Promise<unknown>): Promise<number> {
  await run()
  const samples: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return Math.round(p95(samples) * 10) / 10
}

export default async function benchAnalytics({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const url = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query("select count(*)::int as n from analytics_order_fact")
    if (rows[0].n < ORDERS) {
      const started = performance.now()
      for (let from = rows[0].n + 1; from <= ORDERS; from += 20_000) {
        await client.query(INSERT_SQL, [from, Math.min(ORDERS, from + 19_999)])
      }
      logger.info(
        `analytics bench: facts inserted in ${Math.round(performance.now() - started)} ms`
      )
    }
    const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
    const rebuildStarted = performance.now()
    await analytics.rebuildRollups(null)
    const rebuildMs = Math.round(performance.now() - rebuildStarted)
    // Steady state: the rebuild rewrote every rollup; autovacuum would clean up after it
    // (measuring while it does so times the vacuum, not the reads).
    await client.query(
      `vacuum analyze analytics_order_fact, analytics_sales_hour, analytics_product_hour,
        analytics_sales_day, analytics_product_day, analytics_product_month`
    )
    const counts = (await client.query(ROW_COUNTS_SQL)).rows[0]

    const today = new Date().toISOString().slice(0, 10)
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
    const year: Period = { from: yearAgo, to: today, tz: "Europe/Paris" }
    const params = [year.from, year.to, year.tz]
    const facts =
      (sql: string, extra: unknown[] = []) =>
      () =>
        client.query(sql, [...params, ...extra])
    /** p95 of a question from the rollups, the same from the facts, and their ratio. */
    const pair = async (rollups: () => Promise<unknown>, fromFacts: () => Promise<unknown>) => {
      const fromRollups = await timed(ROUNDS, rollups)
      const factsMs = await timed(ROUNDS, fromFacts)
      return {
        rollups: fromRollups,
        facts: factsMs,
        ratio: Math.round((fromRollups / factsMs) * 100) / 100,
      }
    }
    const results = {
      orders: ORDERS,
      rows: counts,
      rebuild_ms: rebuildMs,
      p95_ms: {
        summary: await timed(ROUNDS, () => summaryView(container, year)),
        sales_by_day: await timed(ROUNDS, () => salesView(container, year, "day")),
        sales_by_week: await timed(ROUNDS, () => salesView(container, year, "week")),
        sales_by_month: await timed(ROUNDS, () => salesView(container, year, "month")),
        sales_by_day_utc: await timed(ROUNDS, () =>
          salesView(container, { ...year, tz: "UTC" }, "day")
        ),
        sales_by_day_new_york: await timed(ROUNDS, () =>
          salesView(container, { ...year, tz: "America/New_York" }, "day")
        ),
        top_products: await timed(ROUNDS, () => topProductsView(container, year, 10)),
        orders_by_status: await timed(ROUNDS, () => ordersByStatusView(container, year)),
        customers: await timed(ROUNDS, () => customersView(container, year)),
      },
      rollups_vs_facts_p95_ms: {
        totals: await pair(
          () => analytics.currencyTotals(year),
          facts(FROM_FACTS.totals, [KEPT, SALE])
        ),
        sales_by_day: await pair(
          () => analytics.salesSeries(year, "day"),
          facts(FROM_FACTS.salesByDay, [KEPT, SALE])
        ),
        top_by_units: await pair(
          () => analytics.topProducts(year, 10),
          facts(FROM_FACTS.topByUnits, [KEPT])
        ),
        orders_by_status: await pair(
          () => analytics.statusCounts(year),
          facts(FROM_FACTS.byStatus)
        ),
        customers: await pair(() => analytics.customerCounts(year), facts(FROM_FACTS.customers)),
      },
    }
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  } finally {
    await client.end()
  }
}
