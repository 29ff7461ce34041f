import { engine, unwrap, type Cart } from "../api"
import { fields, h, money, render } from "../dom"
import { errorBox } from "../errors"
import { flash, go } from "../router"
import { placeOrder } from "../checkout"

function line(cart: Cart, item: Cart["items"][number], status: HTMLElement): HTMLElement {
  const update = async (quantity: number) => {
    const path = { item_id: item.id }
    try {
      if (quantity > 0) {
        unwrap(await engine.PUT("/cart/{item_id}", { params: { path }, body: { quantity } }))
      } else {
        unwrap(await engine.DELETE("/cart/{item_id}", { params: { path } }))
      }
      go("#/cart")
    } catch (error) {
      status.replaceChildren(errorBox(error))
    }
  }
  return h(
    "tr",
    { "data-testid": "cart-line" },
    h("td", {}, item.name),
    h("td", {}, money(item.unit_price, cart.currency_code)),
    h(
      "td",
      {},
      h("button", { "aria-label": "One less", onclick: () => update(item.quantity - 1) }, "−"),
      ` ${item.quantity} `,
      h("button", { "aria-label": "One more", onclick: () => update(item.quantity + 1) }, "+")
    ),
    h("td", {}, money(item.line_total, cart.currency_code)),
    h("td", {}, h("button", { onclick: () => update(0) }, "Remove"))
  )
}

const addressInput = (name: string, label: string, value = "") =>
  h(
    "label",
    {},
    label,
    h("input", { name, value, required: !["address_2", "province"].includes(name) })
  )

function checkoutForm(cart: Cart, status: HTMLElement): HTMLElement {
  const form = h(
    "form",
    { class: "stack", "data-testid": "checkout-form" },
    h("h2", {}, "Shipping address"),
    addressInput("first_name", "First name"),
    addressInput("last_name", "Last name"),
    addressInput("address_1", "Address"),
    addressInput("city", "City"),
    addressInput("postal_code", "Postal code"),
    addressInput("country_code", "Country code", "us"),
    h(
      "button",
      { type: "submit", "data-testid": "place-order" },
      `Place order (${money(cart.total, cart.currency_code)})`
    )
  ) as HTMLFormElement
  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    status.replaceChildren()
    const button = form.querySelector("button")!
    button.disabled = true
    try {
      const placed = await placeOrder(cart.id, fields(form))
      flash(`Order #${placed.order.display_id} placed: pay to confirm it.`)
      go(`#/pay/${placed.order.id}`)
    } catch (error) {
      status.replaceChildren(errorBox(error))
      button.disabled = false
    }
  })
  return form
}

/** #/cart — the customer's cart (GET /cart) and the checkout form. */
export async function cartPage(): Promise<void> {
  const status = h("div")
  try {
    const cart = unwrap(await engine.GET("/cart"))
    if (!cart.items.length) {
      render(
        h("h1", {}, "Your cart"),
        h("p", {}, "Your cart is empty."),
        h("a", { href: "#/" }, "Browse products")
      )
      return
    }
    render(
      h("h1", {}, "Your cart"),
      h(
        "table",
        { class: "cart" },
        h(
          "thead",
          {},
          h("tr", {}, ...["Product", "Price", "Quantity", "Total", ""].map((t) => h("th", {}, t)))
        ),
        h("tbody", {}, ...cart.items.map((item) => line(cart, item, status)))
      ),
      h(
        "p",
        { class: "totals" },
        `Subtotal ${money(cart.subtotal, cart.currency_code)} · Tax ${money(cart.tax, cart.currency_code)} · `,
        h(
          "strong",
          { "data-testid": "cart-total" },
          `Total ${money(cart.total, cart.currency_code)}`
        )
      ),
      status,
      checkoutForm(cart, status)
    )
  } catch (error) {
    render(h("h1", {}, "Your cart"), errorBox(error))
  }
}
