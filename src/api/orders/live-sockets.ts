import type { LiveSocketRoute } from "../utils/live-socket"
import { parseQuery } from "../utils/validation"
import { lastEventIdOf, openOrderFeed } from "./live-feed"
import { oneOrderEventsQuery, orderEventsQuery } from "./validators"

/**
 * The live order streams over WebSockets: the same paths, query, access and feed as
 * GET /orders/events and GET /orders/{id}/events (docs/LIVE-UPDATES.md).
 */
export const orderSocketRoutes: LiveSocketRoute[] = [
  {
    path: "/orders/events",
    open: ({ container, actor, query, headers }, sink) => {
      const { last_event_id, ...filters } = parseQuery(orderEventsQuery, query)
      return openOrderFeed(
        container,
        actor,
        { ...filters, last_event_id: lastEventIdOf(headers, last_event_id) },
        sink
      )
    },
  },
  {
    path: "/orders/:id/events",
    open: ({ container, actor, params, query, headers }, sink) => {
      const { last_event_id } = parseQuery(oneOrderEventsQuery, query)
      return openOrderFeed(
        container,
        actor,
        { order_id: params.id, last_event_id: lastEventIdOf(headers, last_event_id) },
        sink
      )
    },
  },
]
