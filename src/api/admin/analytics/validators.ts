import { z } from "@medusajs/framework/zod"
import { paginationShape } from "../../../utils/pagination"
import { isTimeZone } from "../../../utils/analytics/period"
import { ORDER_STATUSES } from "../../../modules/order-lifecycle/models/order-lifecycle"

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "A date as YYYY-MM-DD")

/** `format=csv` (or `Accept: text/csv`) answers CSV instead of JSON. */
const format = z.enum(["json", "csv"]).optional()

export const periodShape = {
  from: date
    .optional()
    .describe("First day of the period (local date); default 29 days before `to`"),
  to: date.optional().describe("Last day of the period (local date, included); default today"),
  tz: z
    .string()
    .refine(isTimeZone, "An IANA timezone such as Europe/Paris")
    .optional()
    .describe(
      "Timezone of the dates and buckets; default the store's, ANALYTICS_TIMEZONE (UTC), which is also the fastest (GET /admin/analytics/settings names it)"
    ),
  format,
}

export const periodQuery = z.object(periodShape)
export const salesQuery = z.object({
  ...periodShape,
  grain: z.enum(["day", "week", "month"]).optional().default("day"),
})
export const topProductsQuery = z.object({
  ...periodShape,
  limit: z.coerce.number().int().min(1).max(50).optional().default(10),
})
export const lowStockQuery = z.object({
  ...paginationShape,
  threshold: z.coerce.number().int().min(1).optional(),
  format,
})

export type PeriodQuery = z.infer<typeof periodQuery>
export type SalesQuery = z.infer<typeof salesQuery>
export type TopProductsQuery = z.infer<typeof topProductsQuery>
export type LowStockQuery = z.infer<typeof lowStockQuery>

const money = z.string().describe("Decimal amount, two places")
const change = z.number().nullable().describe("Percent change against the previous period")
const period = z.object({ from: z.string(), to: z.string(), tz: z.string() })

const figures = z.object({
  revenue: money,
  gross: money,
  refunds: money,
  orders: z.number().int(),
  average_order_value: money,
  units: z.number().int(),
})

export const summaryView = z.object({
  period,
  previous_period: period,
  currencies: z.array(
    z.object({
      currency_code: z.string(),
      current: figures,
      previous: figures,
      change: z.object({
        revenue: change,
        gross: change,
        refunds: change,
        orders: change,
        average_order_value: change,
        units: change,
      }),
    })
  ),
  new_customers: z.object({ current: z.number().int(), previous: z.number().int(), change }),
})

export const salesView = z.object({
  period,
  grain: z.enum(["day", "week", "month"]),
  series: z.array(
    z.object({
      period_start: z.string(),
      currency_code: z.string(),
      orders: z.number().int(),
      gross: money,
      refunds: money,
      revenue: money,
    })
  ),
})

export const topProductsView = z.object({
  period,
  by_revenue: z.array(
    z.object({
      currency_code: z.string(),
      product_id: z.string(),
      title: z.string().nullable(),
      units: z.number().int(),
      revenue: money,
    })
  ),
  by_units: z.array(
    z.object({ product_id: z.string(), title: z.string().nullable(), units: z.number().int() })
  ),
})

export const ordersByStatusView = z.object({
  period,
  statuses: z.array(z.object({ status: z.enum(ORDER_STATUSES), orders: z.number().int() })),
})

const customerFigures = z.object({
  new_customers: z.number().int(),
  returning_orders: z.number().int(),
})

export const customersView = z.object({
  period,
  previous_period: period,
  current: customerFigures,
  previous: customerFigures,
  change: z.object({ new_customers: change, returning_orders: change }),
})

export const lowStockView = z.object({
  threshold: z.number().int(),
  items: z.array(
    z.object({
      product_id: z.string(),
      title: z.string(),
      is_active: z.boolean(),
      inventory_item_id: z.string().nullable(),
      available: z.number().int(),
      reserved: z.number().int(),
      stocked: z.number().int(),
    })
  ),
  count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})

export const analyticsSettingsView = z.object({
  timezone: z
    .string()
    .describe("The store's timezone (ANALYTICS_TIMEZONE): the default `tz` of every report"),
  low_stock_threshold: z
    .number()
    .int()
    .describe("The default `threshold` of low-stock (LOW_STOCK_THRESHOLD)"),
})

export type AnalyticsSettingsView = z.infer<typeof analyticsSettingsView>
export type SummaryView = z.infer<typeof summaryView>
export type SalesView = z.infer<typeof salesView>
export type TopProductsView = z.infer<typeof topProductsView>
export type OrdersByStatusView = z.infer<typeof ordersByStatusView>
export type CustomersView = z.infer<typeof customersView>
export type LowStockView = z.infer<typeof lowStockView>
