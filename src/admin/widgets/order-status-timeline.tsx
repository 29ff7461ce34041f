import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { api } from "../lib/api"
import { useLoad } from "../lib/use-load"

type Lifecycle = {
  status: string
  allowed_moves: string[]
  history: {
    from: string | null
    to: string
    actor_type: string
    note: string | null
    at: string
  }[]
}

/** The engine's status, its history and the moves allowed now, on Medusa's order page. */
const OrderStatusTimeline = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const lifecycle = useLoad(() => api<Lifecycle>(`/admin/order-lifecycle/${order.id}`), order.id)
  const [moving, setMoving] = useState(false)

  async function move(to: string) {
    setMoving(true)
    try {
      await api(`/admin/order-lifecycle/${order.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status: to, note: "Moved from the dashboard" }),
      })
      toast.success(`Order moved to ${to}`)
    } catch (error) {
      toast.error(String(error))
    }
    setMoving(false)
    lifecycle.reload()
  }

  const data = lifecycle.data
  return (
    <Container className="flex flex-col gap-3 px-6 py-4" data-testid="order-status-widget">
      <div className="flex items-center justify-between">
        <Heading level="h2">Order status</Heading>
        {data && (
          <Badge color="blue" data-testid="order-status">
            {data.status}
          </Badge>
        )}
      </div>
      {lifecycle.error && <Text className="text-ui-fg-error">{lifecycle.error}</Text>}
      <ol className="flex flex-col gap-2" data-testid="order-status-history">
        {(data?.history ?? []).map((entry) => (
          <li key={entry.at + entry.to} className="border-l-2 pl-3">
            <Text size="small" weight="plus">
              {entry.from ? `${entry.from} → ${entry.to}` : entry.to}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {new Date(entry.at).toLocaleString()} · {entry.actor_type}
              {entry.note ? ` · ${entry.note}` : ""}
            </Text>
          </li>
        ))}
      </ol>
      {data && data.allowed_moves.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {data.allowed_moves.map((to) => (
            <Button
              key={to}
              size="small"
              variant="secondary"
              disabled={moving}
              onClick={() => move(to)}
              data-testid={`move-${to}`}
            >
              Mark {to}
            </Button>
          ))}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderStatusTimeline
