import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { api } from "../../lib/api"
import type { Page } from "../../lib/types"
import { useLoad } from "../../lib/use-load"

type LowStock = Page<{
  product_id: string
  title: string
  is_active: boolean
  inventory_item_id: string | null
  available: number
  reserved: number
  stocked: number
}> & { threshold: number }

/** Products under the low-stock threshold, with a link to Medusa's inventory item. */
const LowStockPage = () => {
  const stock = useLoad(() => api<LowStock>("/admin/analytics/low-stock?limit=100"), "low-stock")
  return (
    <Container className="p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Low stock</Heading>
          <Text size="small" className="text-ui-fg-subtle" data-testid="low-stock-threshold">
            Available units under {stock.data?.threshold ?? "…"} ({stock.data?.count ?? 0} products)
          </Text>
        </div>
        <a
          className="txt-compact-small-plus text-ui-fg-interactive"
          href="/admin/analytics/low-stock?format=csv&limit=100"
          download
        >
          CSV
        </a>
      </div>
      {stock.error && <Text className="text-ui-fg-error px-6">{stock.error}</Text>}
      <Table data-testid="low-stock-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Product</Table.HeaderCell>
            <Table.HeaderCell>Available</Table.HeaderCell>
            <Table.HeaderCell>Reserved</Table.HeaderCell>
            <Table.HeaderCell>In stock</Table.HeaderCell>
            <Table.HeaderCell>Inventory</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(stock.data?.items ?? []).map((item) => (
            <Table.Row key={item.product_id} data-testid={`low-stock-${item.product_id}`}>
              <Table.Cell>
                <a href={`/app/products/${item.product_id}`}>{item.title}</a>{" "}
                {!item.is_active && <Badge size="2xsmall">inactive</Badge>}
              </Table.Cell>
              <Table.Cell data-testid="available">{item.available}</Table.Cell>
              <Table.Cell data-testid="reserved">{item.reserved}</Table.Cell>
              <Table.Cell>{item.stocked}</Table.Cell>
              <Table.Cell>
                {item.inventory_item_id ? (
                  <a href={`/app/inventory/${item.inventory_item_id}`}>Open item</a>
                ) : (
                  "–"
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Low stock", icon: ExclamationCircle })

export default LowStockPage
