import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ANALYTICS_MODULE } from "../../modules/analytics"
import type AnalyticsModuleService from "../../modules/analytics/service"
import { ORDER_STATUSES } from "../../modules/order-lifecycle/models/order-lifecycle"
import { bucketStarts, type Grain } from "../../utils/analytics/buckets"
import { changes, figures, percentChange } from "../../utils/analytics/figures"
import { previousPeriod, type Period } from "../../utils/analytics/period"
import { money } from "../../utils/money"

function analyticsOf(container: MedusaContainer) {
  return container.resolve<AnalyticsModuleService>(ANALYTICS_MODULE)
}

/** Revenue, orders, average order value, refunds per currency and new customers, vs before. */
export async function summaryView(container: MedusaContainer, period: Period) {
  const analytics = analyticsOf(container)
  const previous = previousPeriod(period)
  const [now, before, customersNow, customersBefore] = await Promise.all([
    analytics.currencyTotals(period),
    analytics.currencyTotals(previous),
    analytics.customerCounts(period),
    analytics.customerCounts(previous),
  ])
  const currencies = [...new Set([...now, ...before].map((row) => row.currency_code))].sort()
  return {
    period,
    previous_period: previous,
    currencies: currencies.map((currency_code) => {
      const current = figures(now.find((row) => row.currency_code === currency_code))
      const earlier = figures(before.find((row) => row.currency_code === currency_code))
      return { currency_code, current, previous: earlier, change: changes(current, earlier) }
    }),
    new_customers: {
      current: customersNow.new_customers,
      previous: customersBefore.new_customers,
      change: percentChange(customersNow.new_customers, customersBefore.new_customers),
    },
  }
}

const ZERO = money(0)

/** Sales per bucket and currency; buckets without sales are zeros (never mixed currencies). */
export async function salesView(container: MedusaContainer, period: Period, grain: Grain) {
  const rows = await analyticsOf(container).salesSeries(period, grain)
  const currencies = [...new Set(rows.map((row) => row.currency_code))].sort()
  const byKey = new Map(rows.map((row) => [`${row.period}|${row.currency_code}`, row]))
  const series = bucketStarts(period, grain).flatMap((start) =>
    currencies.map((currency_code) => {
      // The rows' amounts are already two-decimal strings (SERIES_SQL).
      const row = byKey.get(`${start}|${currency_code}`)
      return {
        period_start: start,
        currency_code,
        orders: row?.orders ?? 0,
        gross: row?.gross ?? ZERO,
        refunds: row?.refunds ?? ZERO,
        revenue: row?.revenue ?? ZERO,
      }
    })
  )
  return { period, grain, series }
}

async function productTitles(container: MedusaContainer, ids: string[]) {
  if (!ids.length) {
    return new Map<string, string>()
  }
  const products = await container
    .resolve(Modules.PRODUCT)
    .listProducts({ id: ids }, { select: ["id", "title"], take: ids.length, withDeleted: true })
  return new Map(products.map((product) => [product.id, product.title]))
}

/** The best sellers by revenue (per currency) and by units. */
export async function topProductsView(container: MedusaContainer, period: Period, limit: number) {
  const top = await analyticsOf(container).topProducts(period, limit)
  const ids = [...new Set([...top.by_revenue, ...top.by_units].map((row) => row.product_id))]
  const titles = await productTitles(container, ids)
  return {
    period,
    by_revenue: top.by_revenue.map((row) => ({
      currency_code: row.currency_code,
      product_id: row.product_id,
      title: titles.get(row.product_id) ?? null,
      units: row.units,
      revenue: money(row.revenue),
    })),
    by_units: top.by_units.map((row) => ({
      product_id: row.product_id,
      title: titles.get(row.product_id) ?? null,
      units: row.units,
    })),
  }
}

/** Orders placed in the period by their status now, every status listed. */
export async function ordersByStatusView(container: MedusaContainer, period: Period) {
  const rows = await analyticsOf(container).statusCounts(period)
  const counts = new Map(rows.map((row) => [row.status, row.orders]))
  return {
    period,
    statuses: ORDER_STATUSES.map((status) => ({ status, orders: counts.get(status) ?? 0 })),
  }
}

/** New customers and orders of returning ones, vs the previous period. */
export async function customersView(container: MedusaContainer, period: Period) {
  const analytics = analyticsOf(container)
  const previous = previousPeriod(period)
  const [current, before] = await Promise.all([
    analytics.customerCounts(period),
    analytics.customerCounts(previous),
  ])
  return {
    period,
    previous_period: previous,
    current,
    previous: before,
    change: {
      new_customers: percentChange(current.new_customers, before.new_customers),
      returning_orders: percentChange(current.returning_orders, before.returning_orders),
    },
  }
}
