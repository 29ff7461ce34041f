import type { InferTypeOf } from "@medusajs/framework/types"
import type { AnalyticsOrderFact } from "./models/order-fact"

export type AnalyticsOrderFactRecord = InferTypeOf<typeof AnalyticsOrderFact>

/** A period's bounds as the read statements take them: local dates in a timezone. */
export type PeriodBounds = { from: string; to: string; tz: string }

export type Grain = "day" | "week" | "month"

export type CurrencyTotalsRow = {
  currency_code: string
  orders: number
  gross: string
  refunds: string
  units: number
}

/** A bucket's figures; amounts are decimal strings with two places. */
export type SeriesRow = {
  period: string
  currency_code: string
  orders: number
  gross: string
  refunds: string
  revenue: string
}

export type StatusRow = { status: string; orders: number }

export type CustomersRow = { new_customers: number; returning_orders: number }

export type TopRevenueRow = {
  currency_code: string
  product_id: string
  units: number
  revenue: string
}

export type TopUnitsRow = { product_id: string; units: number }
