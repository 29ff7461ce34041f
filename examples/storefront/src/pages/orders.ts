import { engine, unwrap, type Order } from "../api"
import { h, money, render } from "../dom"
import { errorBox } from "../errors"
import { watchOrders, type LiveMode } from "../live"

const MODE_TEXT: Record<LiveMode, string> = {
  live: "Live: statuses change here as they change",
  polling: "Statuses refresh every 5 seconds",
}

let stopWatching: (() => void) | undefined
/** Counts the pages shown: a late read of a page left behind must not draw over the next. */
let pageCount = 0

/** Stops the previous page's watcher; called on every navigation. */
export function leaveOrders(): void {
  stopWatching?.()
  stopWatching = undefined
  pageCount++
}

/**
 * Shows a page and shows it again on every change the watcher reports, with a line saying
 * how it stays current. Reads can overlap (an event arrives while a read is in flight):
 * only the newest read is drawn, and nothing once the shopper has left the page.
 */
async function showLive(title: string, load: () => Promise<HTMLElement>): Promise<void> {
  const page = pageCount
  const mode = h("p", { class: "live", "data-testid": "live-mode" })
  let latest = 0
  const show = async () => {
    const read = ++latest
    const content = await load().catch((error: unknown) =>
      h("div", {}, h("h1", {}, title), errorBox(error))
    )
    if (read === latest && page === pageCount) {
      render(content, mode)
    }
  }
  await show()
  if (page === pageCount) {
    stopWatching = watchOrders(
      () => void show(),
      (next) => {
        mode.textContent = MODE_TEXT[next]
        mode.dataset.mode = next
      }
    )
  }
}

const statusBadge = (status: string) =>
  h("span", { class: `status status-${status}`, "data-testid": "order-status" }, status)

/** #/orders — the customer's orders, newest first (GET /orders), kept current. */
export function ordersPage(): Promise<void> {
  return showLive("Your orders", async () => {
    const list = unwrap(await engine.GET("/orders", { params: { query: { limit: 20 } } }))
    return h(
      "div",
      {},
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
  })
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

/** #/orders/:id — one order with its status history (GET /orders/{id}), kept current. */
export function orderPage(id: string): Promise<void> {
  return showLive("Order", async () =>
    orderDetail(unwrap(await engine.GET("/orders/{id}", { params: { path: { id } } })))
  )
}
