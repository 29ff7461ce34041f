import type { Table } from "../../utils/tabular"
import type {
  CustomersView,
  LowStockView,
  OrdersByStatusView,
  SalesView,
  SummaryView,
  TopProductsView,
} from "./validators"

/** Each report as CSV rows: the JSON's figures, one row per figure, nothing else. */

export function summaryTable(view: SummaryView): Table {
  const rows: Record<string, unknown>[] = view.currencies.flatMap((currency) =>
    (Object.keys(currency.current) as (keyof typeof currency.current)[]).map((metric) => ({
      currency_code: currency.currency_code,
      metric,
      current: currency.current[metric],
      previous: currency.previous[metric],
      change_percent: currency.change[metric],
    }))
  )
  rows.push({
    currency_code: "",
    metric: "new_customers",
    current: view.new_customers.current,
    previous: view.new_customers.previous,
    change_percent: view.new_customers.change,
  })
  return {
    columns: ["currency_code", "metric", "current", "previous", "change_percent"],
    rows,
  }
}

export function salesTable(view: SalesView): Table {
  return {
    columns: ["period_start", "currency_code", "orders", "gross", "refunds", "revenue"],
    rows: view.series,
  }
}

export function topProductsTable(view: TopProductsView): Table {
  return {
    columns: ["ranking", "rank", "currency_code", "product_id", "title", "units", "revenue"],
    rows: [
      ...view.by_revenue.map((row, index) => ({ ranking: "revenue", rank: index + 1, ...row })),
      ...view.by_units.map((row, index) => ({ ranking: "units", rank: index + 1, ...row })),
    ],
  }
}

export function ordersByStatusTable(view: OrdersByStatusView): Table {
  return { columns: ["status", "orders"], rows: view.statuses }
}

export function customersTable(view: CustomersView): Table {
  return {
    columns: ["metric", "current", "previous", "change_percent"],
    rows: (["new_customers", "returning_orders"] as const).map((metric) => ({
      metric,
      current: view.current[metric],
      previous: view.previous[metric],
      change_percent: view.change[metric],
    })),
  }
}

export function lowStockTable(view: LowStockView): Table {
  return {
    columns: [
      "product_id",
      "title",
      "is_active",
      "inventory_item_id",
      "available",
      "reserved",
      "stocked",
      "threshold",
    ],
    rows: view.items.map((item) => ({ ...item, threshold: view.threshold })),
  }
}
