import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { api, query } from "../../lib/api"
import { BROWSER_TIMEZONE, daysAgo, formatChange, formatMoney } from "../../lib/format"
import type {
  AnalyticsSettings,
  OrdersByStatus,
  Sales,
  Summary,
  TopProducts,
} from "../../lib/types"
import { useLoad } from "../../lib/use-load"

const PRESETS = {
  "7": "Last 7 days",
  "30": "Last 30 days",
  "90": "Last 90 days",
  "365": "Last 365 days",
}

function Kpi({
  id,
  label,
  value,
  change,
}: {
  id: string
  label: string
  value: string
  change: number | null
}) {
  return (
    <div className="bg-ui-bg-subtle rounded-lg border p-4" data-testid={`kpi-${id}`}>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Heading level="h2" data-testid={`kpi-${id}-value`}>
        {value}
      </Heading>
      <Badge size="2xsmall" color={change === null ? "grey" : change >= 0 ? "green" : "red"}>
        {formatChange(change)} vs previous period
      </Badge>
    </div>
  )
}

/**
 * Sales analytics: KPIs vs the previous period, sales chart, top products, statuses. The
 * store's timezone first (the store's days, as in every other report; the fast rollup),
 * the admin's own zone on request.
 */
const AnalyticsPage = () => {
  const settings = useLoad(() => api<AnalyticsSettings>("/admin/analytics/settings"), "settings")
  if (settings.error) return <Text className="text-ui-fg-error">{settings.error}</Text>
  if (!settings.data) return null
  return <AnalyticsReports storeZone={settings.data.timezone} />
}

const AnalyticsReports = ({ storeZone }: { storeZone: string }) => {
  const [days, setDays] = useState("30")
  const [grain, setGrain] = useState("day")
  const [zone, setZone] = useState<"store" | "browser">("store")
  const tz = zone === "browser" ? BROWSER_TIMEZONE : storeZone
  const zoneLabel = `${zone === "browser" ? "My time" : "Store time"} (${tz})`
  const period = { from: daysAgo(Number(days) - 1, tz), to: daysAgo(0, tz), tz }
  const key = `${period.from}|${period.to}|${tz}|${grain}`
  const summary = useLoad(() => api<Summary>(`/admin/analytics/summary${query(period)}`), key)
  const sales = useLoad(
    () => api<Sales>(`/admin/analytics/sales${query({ ...period, grain })}`),
    key
  )
  const top = useLoad(() => api<TopProducts>(`/admin/analytics/top-products${query(period)}`), key)
  const statuses = useLoad(
    () => api<OrdersByStatus>(`/admin/analytics/orders-by-status${query(period)}`),
    key
  )
  const currencies = summary.data?.currencies ?? []
  const csv = (report: string, extra: Record<string, string> = {}) =>
    `/admin/analytics/${report}${query({ ...period, ...extra, format: "csv" })}`

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">Analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="analytics-period">
            {period.from} – {period.to}, {zoneLabel}
          </Text>
        </div>
        <div className="flex items-center gap-2">
          <Select value={days} onValueChange={setDays}>
            <Select.Trigger data-testid="period-picker">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {Object.entries(PRESETS).map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          {BROWSER_TIMEZONE !== storeZone && (
            <Select value={zone} onValueChange={(value) => setZone(value as typeof zone)}>
              <Select.Trigger data-testid="timezone-picker">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="store">Store time ({storeZone})</Select.Item>
                <Select.Item value="browser">My time ({BROWSER_TIMEZONE})</Select.Item>
              </Select.Content>
            </Select>
          )}
          <Select value={grain} onValueChange={setGrain}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="day">By day</Select.Item>
              <Select.Item value="week">By week</Select.Item>
              <Select.Item value="month">By month</Select.Item>
            </Select.Content>
          </Select>
          <a
            className="txt-compact-small-plus text-ui-fg-interactive"
            href={csv("summary")}
            download
            data-testid="csv-summary"
          >
            Summary CSV
          </a>
          <a
            className="txt-compact-small-plus text-ui-fg-interactive"
            href={csv("sales", { grain })}
            download
          >
            Sales CSV
          </a>
        </div>
      </Container>
      {summary.error && <Text className="text-ui-fg-error">{summary.error}</Text>}
      {currencies.length === 0 && summary.data && (
        <Container className="px-6 py-4">
          <Text>No sales in this period.</Text>
        </Container>
      )}
      {currencies.map((currency) => {
        const code = currency.currency_code
        const series = (sales.data?.series ?? [])
          .filter((row) => row.currency_code === code)
          .map((row) => ({ ...row, revenue: Number(row.revenue) }))
        return (
          <Container
            key={code}
            className="flex flex-col gap-4 px-6 py-4"
            data-testid={`currency-${code}`}
          >
            <Heading level="h2">{code.toUpperCase()}</Heading>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Kpi
                id={`${code}-revenue`}
                label="Revenue"
                value={formatMoney(currency.current.revenue, code)}
                change={currency.change.revenue}
              />
              <Kpi
                id={`${code}-orders`}
                label="Orders"
                value={String(currency.current.orders)}
                change={currency.change.orders}
              />
              <Kpi
                id={`${code}-aov`}
                label="Average order value"
                value={formatMoney(currency.current.average_order_value, code)}
                change={currency.change.average_order_value}
              />
              <Kpi
                id={`${code}-refunds`}
                label="Refunds"
                value={formatMoney(currency.current.refunds, code)}
                change={currency.change.refunds}
              />
            </div>
            <div style={{ width: "100%", height: 240 }} data-testid={`sales-chart-${code}`}>
              <ResponsiveContainer>
                <BarChart data={series}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period_start" fontSize={11} />
                  <YAxis fontSize={11} />
                  <Tooltip />
                  <Bar dataKey="revenue" name={`Revenue (${code.toUpperCase()})`} fill="#6366f1" />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Container>
        )
      })}
      {summary.data && (
        <Container className="px-6 py-4">
          <Kpi
            id="new-customers"
            label="New customers"
            value={String(summary.data.new_customers.current)}
            change={summary.data.new_customers.change}
          />
        </Container>
      )}
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <Container className="p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Top products</Heading>
            <a
              className="txt-compact-small-plus text-ui-fg-interactive"
              href={csv("top-products")}
              download
            >
              CSV
            </a>
          </div>
          <Table data-testid="top-products">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Product</Table.HeaderCell>
                <Table.HeaderCell>Currency</Table.HeaderCell>
                <Table.HeaderCell>Units</Table.HeaderCell>
                <Table.HeaderCell>Revenue</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(top.data?.by_revenue ?? []).map((row) => (
                <Table.Row key={`${row.currency_code}-${row.product_id}`}>
                  <Table.Cell>
                    <a href={`/app/products/${row.product_id}`}>{row.title ?? row.product_id}</a>
                  </Table.Cell>
                  <Table.Cell>{row.currency_code.toUpperCase()}</Table.Cell>
                  <Table.Cell>{row.units}</Table.Cell>
                  <Table.Cell>{formatMoney(row.revenue, row.currency_code)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
        <Container className="p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <Heading level="h2">Orders by status</Heading>
            <a
              className="txt-compact-small-plus text-ui-fg-interactive"
              href={csv("orders-by-status")}
              download
            >
              CSV
            </a>
          </div>
          <Table data-testid="orders-by-status">
            <Table.Body>
              {(statuses.data?.statuses ?? []).map((row) => (
                <Table.Row key={row.status} data-testid={`status-${row.status}`}>
                  <Table.Cell>{row.status.replace("_", " ")}</Table.Cell>
                  <Table.Cell>{row.orders}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Container>
      </div>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Analytics", icon: ChartBar })

export default AnalyticsPage
