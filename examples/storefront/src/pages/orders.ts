import { engine, sdk, session, unwrap, type Order } from "../api"
import { h, money, render } from "../dom"
import { errorBox } from "../errors"

const POLL_MS = 5_000

/**
 * Keeps a page's order statuses current while it is shown: the engine's SSE stream
 * (GET /orders/events) when it has one, else a poll every 5 s. Returns the stopper.
 */
function watchOrders(reload: () => void): () => void {
  let stopped = false
  let abort: (() => void) | undefined
  let timer: ReturnType<typeof setInterval> | undefined
  const poll = () => {
    if (!stopped) {
      timer = setInterval(reload, POLL_MS)
    }
  }
  const stream = sdk && session.isSignedIn() ? sdk.client.fetchStream("/orders/events") : undefined
  if (!stream) {
    poll()
  } else {
    stream
      .then(async ({ stream: events, abort: stop }) => {
        abort = stop
        for await (const event of events) {
          if (stopped) break
          if (event.data) reload()
        }
      })
      // No stream in this engine (404), or it dropped: poll instead.
      .catch(poll)
  }
  return () => {
    stopped = true
    abort?.()
    if (timer) clearInterval(timer)
  }
}

let stopWatching: (() => void) | undefined
/** Stops the previous page's watcher; called on every navigation. */
export function leaveOrders(): void {
  stopWatching?.()
  stopWatching = undefined
}

const statusBadge = (status: string) =>
  h("span", { class: `status status-${status}`, "data-testid": "order-status" }, status)

/** #/orders — the customer's orders, newest first (GET /orders). */
export async function ordersPage(): Promise<void> {
  const show = async () => {
    try {
      const list = unwrap(await engine.GET("/orders", { params: { query: { limit: 20 } } }))
      render(
        h("h1", {}, "Your orders"),
        list.items.length
          ? h(
              "table",
              { class: "orders" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  ...["Order", "Placed", "Items", "Total", "Status"].map((t) => h("th", {}, t))
                )
              ),
              h(
                "tbody",
                {},
                ...list.items.map((order) =>
                  h(
                    "tr",
                    { "data-testid": "order-row" },
                    h("td", {}, h("a", { href: `#/orders/${order.id}` }, `#${order.display_id}`)),
                    h("td", {}, new Date(order.created_at).toLocaleString()),
                    h("td", {}, order.item_count),
                    h("td", {}, money(order.total, order.currency_code)),
                    h("td", {}, statusBadge(order.status))
                  )
                )
              )
            )
          : h("p", {}, "No orders yet.")
      )
    } catch (error) {
      render(h("h1", {}, "Your orders"), errorBox(error))
    }
  }
  await show()
  stopWatching = watchOrders(() => void show())
}

function orderDetail(order: Order): HTMLElement {
  return h(
    "div",
    {},
    h("h1", {}, `Order #${order.display_id} `, statusBadge(order.status)),
    order.status === "pending"
      ? h("p", {}, h("a", { href: `#/pay/${order.id}` }, "Pay for this order"))
      : null,
    h(
      "ul",
      {},
      ...order.items.map((item) =>
        h(
          "li",
          {},
          `${item.quantity} × ${item.name} — ${money(item.line_total, order.currency_code)}`
        )
      )
    ),
    h("p", {}, `Total ${money(order.total, order.currency_code)}`),
    h("h2", {}, "History"),
    h(
      "ol",
      {},
      ...order.status_history.map((entry) =>
        h("li", {}, `${new Date(entry.at).toLocaleString()}: ${entry.from ?? "new"} → ${entry.to}`)
      )
    )
  )
}

/** #/orders/:id — one order with its status history (GET /orders/{id}). */
export async function orderPage(id: string): Promise<void> {
  const show = async () => {
    try {
      render(orderDetail(unwrap(await engine.GET("/orders/{id}", { params: { path: { id } } }))))
    } catch (error) {
      render(h("h1", {}, "Order"), errorBox(error))
    }
  }
  await show()
  stopWatching = watchOrders(() => void show())
}
