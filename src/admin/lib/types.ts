/** The shapes of the /admin/analytics answers the pages use (see /openapi.json). */
export type Figures = {
  revenue: string
  gross: string
  refunds: string
  orders: number
  average_order_value: string
  units: number
}

export type AnalyticsSettings = { timezone: string; low_stock_threshold: number }

export type Summary = {
  period: { from: string; to: string; tz: string }
  currencies: {
    currency_code: string
    current: Figures
    previous: Figures
    change: Record<keyof Figures, number | null>
  }[]
  new_customers: { current: number; previous: number; change: number | null }
}

export type Sales = {
  series: {
    period_start: string
    currency_code: string
    orders: number
    gross: string
    refunds: string
    revenue: string
  }[]
}

export type TopProducts = {
  by_revenue: {
    currency_code: string
    product_id: string
    title: string | null
    units: number
    revenue: string
  }[]
  by_units: { product_id: string; title: string | null; units: number }[]
}

export type OrdersByStatus = { statuses: { status: string; orders: number }[] }

export type Review = {
  id: string
  product_id: string
  product_title: string | null
  author_name: string
  rating: number
  title: string
  body: string
  status: "pending" | "approved" | "rejected"
  created_at: string
}

export type Page<T> = { items: T[]; count: number; limit: number; offset: number }
