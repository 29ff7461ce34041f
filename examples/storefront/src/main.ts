import { onSessionChange, session } from "./api"
import { h } from "./dom"
import { currentRoute, flash, go } from "./router"
import { catalogPage, searchPage } from "./pages/catalog"
import { productPage } from "./pages/product"
import { accountPage, loginPage, signupPage } from "./pages/account"
import { cartPage } from "./pages/cart"
import { payPage } from "./pages/pay"
import { leaveOrders, orderPage, ordersPage } from "./pages/orders"

/** Pages that need a signed-in shopper send others to the login first. */
const PRIVATE = new Set(["cart", "pay", "orders", "account"])

function renderNav(): void {
  const nav = document.getElementById("nav")!
  nav.replaceChildren(
    ...(session.isSignedIn()
      ? [
          h("a", { href: "#/cart", "data-testid": "nav-cart" }, "Cart"),
          h("a", { href: "#/orders", "data-testid": "nav-orders" }, "Orders"),
          h("a", { href: "#/account", "data-testid": "nav-account" }, "Account"),
        ]
      : [
          h("a", { href: "#/login", "data-testid": "nav-login" }, "Sign in"),
          h("a", { href: "#/signup", "data-testid": "nav-signup" }, "Sign up"),
        ])
  )
}

async function route(): Promise<void> {
  leaveOrders()
  const { parts, params } = currentRoute()
  const [page = "", id] = parts
  if (PRIVATE.has(page) && !session.isSignedIn()) {
    go(`#/login?next=${encodeURIComponent(location.hash)}`)
    return
  }
  switch (page) {
    case "":
      return catalogPage(params)
    case "search":
      return searchPage(params)
    case "products":
      return productPage(id)
    case "login":
      return loginPage(params)
    case "signup":
      return signupPage()
    case "account":
      return accountPage()
    case "cart":
      return cartPage()
    case "pay":
      return payPage(id)
    case "orders":
      return id ? orderPage(id) : ordersPage()
    default:
      go("#/")
  }
}

document.getElementById("search")!.addEventListener("submit", (event) => {
  event.preventDefault()
  const q = String(new FormData(event.target as HTMLFormElement).get("q") ?? "").trim()
  if (q) {
    go(`#/search?${new URLSearchParams({ q })}`)
  }
})
window.addEventListener("hashchange", () => {
  flash("")
  void route()
})
onSessionChange(renderNav)
renderNav()
void route()
