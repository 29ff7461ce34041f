import { z } from "@medusajs/framework/zod"
import type { ContractRoute } from "../utils/contract"
import {
  changeStatusBody,
  directOrderBody,
  listOrdersQuery,
  oneOrderEventsQuery,
  orderEventsQuery,
  orderList,
} from "../orders/validators"
import {
  LIVE_ORDER_EVENT_TYPES,
  orderPaymentEvent,
  orderStatusEvent,
  streamResetEvent,
} from "../../queries/order/order-events-view"
import { orderView } from "../../queries/order/order-view"
import { placedOrderView } from "../../queries/order/placed-order-view"

const tags = ["Orders"]

/** One event of the live order stream (docs/LIVE-UPDATES.md), as SSE fields. */
const liveOrderEvent = z
  .object({
    id: z
      .string()
      .optional()
      .describe("Stream position (status changes and resets): send it back as Last-Event-ID"),
    event: z.enum(Object.values(LIVE_ORDER_EVENT_TYPES)),
    data: z.union([orderStatusEvent, orderPaymentEvent, streamResetEvent]),
  })
  .describe(
    "A text/event-stream: `id:`, `event:` and one `data:` line (JSON) per event; `:` comment lines are heartbeats. The same events are served as JSON text frames `{id?, event, data}` over a WebSocket on the same path (Upgrade: websocket)."
  )

const lastEventIdHeader = {
  name: "Last-Event-ID",
  description:
    "Resume after this event id (EventSource sends it when it reconnects); the query's `last_event_id` wins",
  schema: { type: "string", pattern: "^\\d{1,15}$" },
}

const liveResponses = {
  200: {
    description: "An open stream of events (status changes in history order, payment outcomes)",
    schema: liveOrderEvent,
    contentType: "text/event-stream",
  },
  429: { description: "Too many live streams open for this user (Retry-After)" },
}

/** Orders, their status machine and history (src/workflows/order, docs/ORDERS.md). */
export const ordersContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/orders",
    summary: "The caller's orders, newest first; admins see all and filter by `status`, `user_id`",
    tags,
    access: "authenticated",
    query: listOrdersQuery,
    responses: { 200: { description: "A page of orders", schema: orderList } },
  },
  {
    method: "POST",
    path: "/orders",
    idempotent: true,
    summary: "A direct order without the cart (same stock hold and payment as checkout)",
    tags,
    access: "customer",
    body: directOrderBody,
    responses: {
      201: { description: "The order and its payment (client secret)", schema: placedOrderView },
      400: { description: "Invalid items or address, or no shipping option for it" },
      404: { description: "Unknown, deleted or unpublished product" },
      409: { description: "Not enough stock (nothing is held)" },
    },
  },
  {
    method: "GET",
    path: "/orders/events",
    summary:
      "Live updates of the caller's orders (Server-Sent Events or WebSocket); admins see all and filter by `user_id`, `order_id`, `status`",
    tags,
    access: "authenticated",
    query: orderEventsQuery,
    headers: [lastEventIdHeader],
    responses: {
      ...liveResponses,
      404: { description: "`order_id` unknown, or another customer's" },
    },
  },
  {
    method: "GET",
    path: "/orders/:id/events",
    summary: "Live updates of one order (Server-Sent Events or WebSocket); owner or admin",
    tags,
    access: "authenticated",
    query: oneOrderEventsQuery,
    headers: [lastEventIdHeader],
    responses: { ...liveResponses, 404: { description: "Unknown, or another customer's" } },
  },
  {
    method: "GET",
    path: "/orders/:id",
    summary: "One order with items, totals, addresses, payment and status history",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The order", schema: orderView },
      404: { description: "Unknown, or another customer's" },
    },
  },
  {
    method: "DELETE",
    path: "/orders/:id",
    summary: "Cancel while not shipped: stock released, captured money refunded",
    tags,
    access: "authenticated",
    responses: {
      200: { description: "The cancelled order", schema: orderView },
      404: { description: "Unknown, or another customer's" },
      409: { description: "Shipped, delivered, refunded or already cancelled" },
    },
  },
  {
    method: "PUT",
    path: "/orders/:id/status",
    summary:
      "Move an order along pending → paid → processing → shipped → delivered, or cancel/refund it (admin)",
    tags,
    access: "admin",
    body: changeStatusBody,
    responses: {
      200: { description: "The order, with the change in its history", schema: orderView },
      404: { description: "Unknown order" },
      409: { description: "Not a legal move from the current status" },
      502: {
        description:
          "A refund the move makes was not confirmed by Stripe: nothing recorded, and a retry replays the same refund at Stripe",
      },
    },
  },
]
