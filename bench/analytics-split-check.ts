/**
 * Checks the day + edge-hour reads, and the local-day reads of the store's zone, against
 * the same questions answered from the hourly rollup alone (the reads before the daily
 * level), on the benchmark's database, for random periods in zones on both sides of UTC
 * and every grain; once with the local days kept for Paris, once for New York (whole-hour
 * zones: in a half-hour zone the local days are exact where hours are not). Prints the
 * mismatches (none expected):
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_analytics_100k \
 *     npx medusa exec ./bench/analytics-split-check.ts
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Client } from "pg"
import { ANALYTICS_MODULE } from "../src/modules/analytics"
import type AnalyticsModuleService from "../src/modules/analytics/service"
import type { Grain } from "../src/modules/analytics/types"

const IN_PERIOD = `s.deleted_at is null
  and s.bucket_start >= ($1::date)::timestamp at time zone $3
  and s.bucket_start < (($2::date) + 1)::timestamp at time zone $3`
const KEPT = ["paid", "processing", "shipped", "delivered", "partially_refunded"]
const SALE = [...KEPT, "refunded"]

const HOURLY = {
  totals: `select s.currency_code, coalesce(sum(s.orders) filter (where s.status = any($4)), 0)::int as orders,
      coalesce(sum(s.total) filter (where s.status = any($5)), 0)::text as gross,
      coalesce(sum(s.refunded) filter (where s.status = any($5)), 0)::text as refunds,
      coalesce(sum(s.units) filter (where s.status = any($4)), 0)::int as units
    from analytics_sales_hour s where ${IN_PERIOD} group by 1 order by 1`,
  series: `select period, currency_code, orders, gross::text, refunds::text,
      (gross - refunds)::text as revenue from (
    select to_char(date_trunc($6, s.bucket_start at time zone $3), 'YYYY-MM-DD') as period,
      s.currency_code, coalesce(sum(s.orders) filter (where s.status = any($4)), 0)::int as orders,
      coalesce(sum(s.total) filter (where s.status = any($5)), 0) as gross,
      coalesce(sum(s.refunded) filter (where s.status = any($5)), 0) as refunds
    from analytics_sales_hour s where ${IN_PERIOD} group by 1, 2) t order by 1, 2`,
  units: `select s.product_id, sum(s.units)::int as units from analytics_product_hour s
    where ${IN_PERIOD} group by 1 order by 2 desc, 1 limit 10`,
}

const ZONES = [
  "UTC",
  "Europe/Paris",
  "America/New_York",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
]
const GRAINS: Grain[] = ["day", "week", "month"]

function day(offset: number): string {
  return new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10)
}

export default async function check({ container }: ExecArgs): Promise<void> {
  const url = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.databaseUrl
  const client = new Client({ connectionString: url })
  await client.connect()
  const analytics = container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
  let checks = 0
  let mismatches = 0
  // Amounts compare as numbers: a sum's text keeps its inputs' scale ("0" or "0.00").
  const text = (rows: unknown) =>
    JSON.stringify(rows, (_key, value) =>
      typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
    )
  const compare = (what: string, a: unknown, b: unknown) => {
    checks += 1
    if (text(a) !== text(b)) {
      mismatches += 1
      process.stdout.write(`MISMATCH ${what}\n${JSON.stringify(a)}\n${JSON.stringify(b)}\n`)
    }
  }
  try {
    for (let round = 0; round < 80; round += 1) {
      if (round % 40 === 0) {
        // Fills every level from the facts, the local days for this zone.
        await analytics.rebuildRollups(null, round ? "America/New_York" : "Europe/Paris")
      }
      const start = Math.floor(Math.random() * 400)
      const length = round % 4 === 0 ? 1 : Math.floor(Math.random() * 200)
      const tz = ZONES[round % ZONES.length]
      const period = { from: day(start), to: day(start - length), tz }
      const base = [period.from, period.to, tz, KEPT, SALE]
      const label = JSON.stringify(period)
      compare(
        `totals ${label}`,
        await analytics.currencyTotals(period),
        (await client.query(HOURLY.totals, base)).rows
      )
      const top = await analytics.topProducts(period, 10)
      compare(
        `units ${label}`,
        top.by_units,
        (await client.query(HOURLY.units, base.slice(0, 3))).rows
      )
      for (const grain of GRAINS) {
        compare(
          `series ${grain} ${label}`,
          await analytics.salesSeries(period, grain),
          (await client.query(HOURLY.series, [...base, grain])).rows
        )
      }
    }
    process.stdout.write(`${checks} checks, ${mismatches} mismatches\n`)
  } finally {
    await client.end()
  }
}
