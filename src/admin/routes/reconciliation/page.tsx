import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { api } from "../../lib/api"
import type { Page } from "../../lib/types"
import { useLoad } from "../../lib/use-load"

type Finding = {
  id: string
  kind: string
  order_id: string | null
  payment_id: string | null
  resolution: string
  detail: Record<string, unknown> | null
  last_seen_at: string
}

/** What the payment reconciliation job found (GET /payments/reconciliation). */
const ReconciliationPage = () => {
  const findings = useLoad(
    () => api<Page<Finding>>("/admin/reconciliation-findings?limit=100"),
    "findings"
  )
  return (
    <Container className="p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Payment reconciliation</Heading>
        <Text size="small" className="text-ui-fg-subtle" data-testid="findings-count">
          {findings.data?.count ?? 0} findings
        </Text>
      </div>
      {findings.error && <Text className="text-ui-fg-error px-6">{findings.error}</Text>}
      <Table data-testid="findings-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Order</Table.HeaderCell>
            <Table.HeaderCell>Resolution</Table.HeaderCell>
            <Table.HeaderCell>Last seen</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(findings.data?.items ?? []).map((finding) => (
            <Table.Row key={finding.id}>
              <Table.Cell>{finding.kind.replaceAll("_", " ")}</Table.Cell>
              <Table.Cell>
                {finding.order_id ? (
                  <a href={`/app/orders/${finding.order_id}`}>{finding.order_id}</a>
                ) : (
                  "–"
                )}
              </Table.Cell>
              <Table.Cell>
                <Badge
                  size="2xsmall"
                  color={finding.resolution === "needs_attention" ? "orange" : "green"}
                >
                  {finding.resolution.replaceAll("_", " ")}
                </Badge>
              </Table.Cell>
              <Table.Cell>{new Date(finding.last_seen_at).toLocaleString()}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Reconciliation", icon: Receipt })

export default ReconciliationPage
