import { engine, unwrap } from "../api"
import { h, money, render } from "../dom"
import { errorBox } from "../errors"
import { flash, go } from "../router"
import { TEST_CARDS } from "../checkout"

type Payment = NonNullable<Awaited<ReturnType<typeof openPayment>>>

/** The order's open payment: the newest one still payable, else a new one. */
async function openPayment(orderId: string) {
  const list = unwrap(await engine.GET("/payments", { params: { query: { order_id: orderId } } }))
  const open = list.items.find((p) => p.status === "pending" || p.status === "requires_action")
  if (open || list.items.some((p) => p.status === "succeeded")) {
    return open
  }
  return unwrap(await engine.POST("/payments/create", { body: { order_id: orderId } }))
}

/**
 * With Stripe, a real storefront collects the card with Stripe.js (Elements) and sends the
 * PaymentMethod it makes; this example offers Stripe's test cards instead. Medusa's system
 * provider (no STRIPE_API_KEY) needs no card.
 */
function payForm(orderId: string, payment: Payment): HTMLElement {
  const usesStripe = payment.provider.includes("stripe")
  const status = h("div")
  const form = h(
    "form",
    { class: "stack", "data-testid": "pay-form" },
    h("p", {}, `Amount due: ${money(payment.amount, payment.currency_code)}`),
    usesStripe
      ? h(
          "label",
          {},
          "Card",
          h(
            "select",
            { name: "card", "data-testid": "card" },
            ...TEST_CARDS.map(([id, label]) => h("option", { value: id }, label))
          )
        )
      : h("p", {}, "Development payments (no Stripe key): nothing is charged."),
    h("button", { type: "submit", "data-testid": "pay" }, "Pay now"),
    status
  ) as HTMLFormElement
  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    status.replaceChildren()
    const card = usesStripe ? String(new FormData(form).get("card")) : undefined
    try {
      const confirmed = unwrap(
        await engine.POST("/payments/confirm", {
          body: { payment_id: payment.id, ...(card ? { payment_method_id: card } : {}) },
        })
      )
      if (confirmed.status === "requires_action") {
        status.replaceChildren(
          h("p", {}, "Your bank asks for a confirmation (3-D Secure): finish it with Stripe.js.")
        )
        return
      }
      flash("Payment received. Thank you!")
      go(`#/orders/${orderId}`)
    } catch (error) {
      status.replaceChildren(errorBox(error))
      // A declined card closes that attempt: the next try gets a new payment.
      if (!(await openPayment(orderId).catch(() => undefined))) {
        go(`#/orders/${orderId}`)
      }
    }
  })
  return form
}

/** #/pay/:orderId — confirm the order's payment (POST /payments/confirm). */
export async function payPage(orderId: string): Promise<void> {
  try {
    const order = unwrap(await engine.GET("/orders/{id}", { params: { path: { id: orderId } } }))
    const payment = order.status === "pending" ? await openPayment(orderId) : undefined
    render(
      h("h1", {}, `Pay for order #${order.display_id}`),
      h("p", {}, `Total ${money(order.total, order.currency_code)}`),
      payment
        ? payForm(orderId, payment)
        : h("p", {}, "Nothing to pay: ", h("a", { href: `#/orders/${orderId}` }, "see the order"))
    )
  } catch (error) {
    render(h("h1", {}, "Payment"), errorBox(error))
  }
}
