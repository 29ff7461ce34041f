import { MathBN } from "@medusajs/framework/utils"
import { money } from "../money"

/** Sums of one currency over a period, as the rollup gives them. */
export type CurrencyTotals = { orders: number; gross: string; refunds: string; units: number }

export type Figures = {
  revenue: string
  gross: string
  refunds: string
  orders: number
  average_order_value: string
  units: number
}

/** Revenue is gross sales less refunds; the average is revenue per kept order. */
export function figures(totals: CurrencyTotals | undefined): Figures {
  const gross = MathBN.convert(totals?.gross ?? 0)
  const refunds = MathBN.convert(totals?.refunds ?? 0)
  const revenue = MathBN.sub(gross, refunds)
  const orders = totals?.orders ?? 0
  return {
    revenue: money(revenue),
    gross: money(gross),
    refunds: money(refunds),
    orders,
    average_order_value: orders ? money(MathBN.div(revenue, orders)) : "0.00",
    units: totals?.units ?? 0,
  }
}

/** Change in percent, one decimal; null when there is nothing to compare with. */
export function percentChange(current: number | string, previous: number | string): number | null {
  const before = Number(previous)
  if (!before) {
    return null
  }
  return Math.round(((Number(current) - before) / before) * 1000) / 10
}

export const FIGURE_NAMES = [
  "revenue",
  "gross",
  "refunds",
  "orders",
  "average_order_value",
  "units",
] as const satisfies readonly (keyof Figures)[]

export function changes(current: Figures, previous: Figures) {
  return Object.fromEntries(
    FIGURE_NAMES.map((name) => [name, percentChange(current[name], previous[name])])
  ) as Record<(typeof FIGURE_NAMES)[number], number | null>
}
