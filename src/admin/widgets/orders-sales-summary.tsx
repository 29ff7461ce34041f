import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { api } from "../lib/api"
import { formatChange, formatMoney } from "../lib/format"
import type { Summary } from "../lib/types"
import { useLoad } from "../lib/use-load"

/**
 * Last 30 days' revenue and orders per currency above Medusa's order list. No period or
 * `tz` sent: the API's default is exactly that, in the store's timezone.
 */
const OrdersSalesSummary = () => {
  const summary = useLoad(() => api<Summary>("/admin/analytics/summary"), "store")
  return (
    <Container
      className="flex flex-wrap items-center gap-6 px-6 py-4"
      data-testid="orders-sales-summary"
    >
      <Heading level="h2">Last 30 days</Heading>
      {summary.data && (
        <Text size="small" className="text-ui-fg-subtle">
          Store time ({summary.data.period.tz})
        </Text>
      )}
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
