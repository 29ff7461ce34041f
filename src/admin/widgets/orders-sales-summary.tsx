import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { api, query } from "../lib/api"
import { daysAgo, formatChange, formatMoney } from "../lib/format"
import type { Summary } from "../lib/types"
import { useLoad } from "../lib/use-load"

const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone

/** Last 30 days' revenue and orders per currency above Medusa's order list. */
const OrdersSalesSummary = () => {
  const period = { from: daysAgo(29), to: daysAgo(0), tz: TZ }
  const summary = useLoad(
    () => api<Summary>(`/admin/analytics/summary${query(period)}`),
    period.from
  )
  return (
    <Container
      className="flex flex-wrap items-center gap-6 px-6 py-4"
      data-testid="orders-sales-summary"
    >
      <Heading level="h2">Last 30 days</Heading>
      {summary.error && <Text className="text-ui-fg-error">{summary.error}</Text>}
      {summary.data?.currencies.length === 0 && <Text size="small">No sales yet.</Text>}
      {summary.data?.currencies.map((currency) => (
        <Text
          key={currency.currency_code}
          size="small"
          data-testid={`orders-summary-${currency.currency_code}`}
        >
          <strong>{formatMoney(currency.current.revenue, currency.currency_code)}</strong> revenue ·{" "}
          {currency.current.orders} orders ({formatChange(currency.change.revenue)})
        </Text>
      ))}
      <a className="txt-compact-small-plus text-ui-fg-interactive" href="/app/analytics">
        Analytics →
      </a>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.list.before" })

export default OrdersSalesSummary
