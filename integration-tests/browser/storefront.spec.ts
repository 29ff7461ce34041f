import { randomUUID } from "node:crypto"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { findFreePort } from "../../scripts/lib/port"
import { FakeStripe } from "../support/fake-stripe/server"
import {
  adminToken as loginAdmin,
  apiCaller,
  launchChromium,
  Screenshots,
  startEngine,
  type ApiCall,
  type Engine,
} from "./helpers"
import { startStorefront, type StorefrontServer } from "./storefront-server"

// The example storefront (examples/storefront, `npm run storefront`) against a real engine
// (`npm run dev`'s script) whose payments go to the fake Stripe, in Debian's chromium.
jest.setTimeout(900_000)

const PASSWORD = "Storefront-password-1"
const ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "12 Analytical Row",
  city: "New York",
  postal_code: "10001",
}

describe("the example storefront in a browser", () => {
  let engine: Engine
  let stripe: FakeStripe
  let storefront: StorefrontServer
  let call: ApiCall
  let admin: string
  let browser: Browser
  const shots = new Screenshots()
  const contexts: BrowserContext[] = []
  const jsErrors: string[] = []

  beforeAll(async () => {
    const [enginePort, storefrontPort] = [await findFreePort(), await findFreePort()]
    stripe = new FakeStripe({
      webhookUrl: `http://localhost:${enginePort}/hooks/payment/stripe_stripe`,
      autoDeliver: true,
    })
    await stripe.start()
    engine = await startEngine({
      PORT: String(enginePort),
      STORE_CORS: `http://localhost:${storefrontPort}`,
      ...stripe.env(),
    })
    call = apiCaller(engine.base)
    admin = await loginAdmin(call, engine.admin)
    storefront = await startStorefront({
      port: storefrontPort,
      engineUrl: engine.base,
      publishableKey: engine.publishableKey,
    })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()))
    await browser?.close()
    await storefront?.stop()
    await engine?.stop()
    await stripe?.stop()
    shots.publish()
  })

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      timezoneId: "UTC",
      viewport: { width: 1280, height: 900 },
    })
    contexts.push(context)
    const page = await context.newPage()
    page.on("pageerror", (error) => jsErrors.push(`${page.url()}: ${error.message}`))
    return page
  }

  async function shot(page: Page, name: string) {
    await page.waitForTimeout(300)
    await page.screenshot({ path: shots.path(name), fullPage: true })
  }

  /** Polls the engine until `check` holds (the catalog and search are updated by events). */
  async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 120_000
    for (;;) {
      const value = await read()
      if (check(value) || Date.now() > deadline) return value
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }

  async function signUp(page: Page, who: string): Promise<string> {
    const email = `${who}-${randomUUID().slice(0, 8)}@example.com`
    await page.goto(`${storefront.url}/#/signup`)
    await page.getByLabel("Email", { exact: true }).fill(email)
    await page.getByLabel("Username").fill(`${who}${randomUUID().slice(0, 6)}`)
    await page.getByLabel("Password (8+ characters)").fill(PASSWORD)
    await page.getByLabel("First name").fill(who)
    await page.getByLabel("Last name").fill("Shopper")
    await page.getByRole("button", { name: "Create account" }).click()
    await page.getByTestId("nav-cart").waitFor()
    return email
  }

  async function addToCart(page: Page, productId: string, name: string) {
    await page.goto(`${storefront.url}/#/products/${productId}`)
    await page.getByTestId("product-title").filter({ hasText: name }).waitFor()
    await page.getByTestId("add-to-cart").click()
    await page
      .locator("#flash")
      .filter({ hasText: `Added ${name}` })
      .waitFor()
  }

  async function fillAddress(page: Page) {
    await page.goto(`${storefront.url}/#/cart`)
    await page.getByTestId("checkout-form").waitFor()
    for (const [field, value] of Object.entries(ADDRESS)) {
      await page.locator(`[data-testid="checkout-form"] input[name="${field}"]`).fill(value)
    }
  }

  it("a shopper signs up, finds a product despite a typo, buys two products and sees the order paid", async () => {
    const keyboard = await eventually(
      () => call("GET", "/products/search?q=mechanicl%20keybord"),
      (r) => r.data?.items?.some((p: { name: string }) => p.name === "Mechanical Keyboard")
    )
    const keyboardId = keyboard.data.items.find(
      (p: { name: string }) => p.name === "Mechanical Keyboard"
    ).id
    const page = await newPage()
    const streams: string[] = []
    page.on("request", (request) => {
      if (request.method() === "GET" && request.url().includes("/orders/events")) {
        streams.push(request.url())
      }
    })
    await signUp(page, "ada")
    await page.getByTestId("product-card").first().waitFor()
    await shot(page, "storefront-catalog")

    // Filters: a price ceiling and "in stock" narrow the list to what the engine counts.
    const all = await call("GET", "/products?limit=1")
    const filtered = await call("GET", "/products?max_price=30&in_stock=true&limit=1")
    expect(filtered.data.count).toBeGreaterThan(0)
    expect(filtered.data.count).toBeLessThan(all.data.count)
    await page.getByPlaceholder("Max $").fill("30")
    await page.getByLabel("In stock").check()
    await page.getByRole("button", { name: "Filter" }).click()
    await page.waitForURL(/max_price=30/)
    await page
      .locator(".pager > span")
      .filter({ hasText: new RegExp(` of ${filtered.data.count}$`) })
      .waitFor()
    const prices = await page
      .locator('[data-testid="product-card"] > span:not(.badge)')
      .allTextContents()
    expect(prices.length).toBeGreaterThan(0)
    for (const price of prices) {
      expect(Number(price.replace(/[^0-9.]/g, ""))).toBeLessThanOrEqual(30)
    }

    await page.getByRole("searchbox", { name: "Search" }).fill("mechanicl keybord")
    await page.getByRole("button", { name: "Search", exact: true }).click()
    const hit = page.getByTestId("search-results").getByText("Mechanical Keyboard")
    await hit.waitFor()
    await shot(page, "storefront-search")
    await hit.click()
    await page.getByTestId("product-title").filter({ hasText: "Mechanical Keyboard" }).waitFor()
    await page.getByTestId("reviews").waitFor()
    // Recommendations: other products, each shown by name and linking to its page.
    const recommended = page.getByTestId("recommendation")
    await recommended.first().waitFor()
    const cards = await recommended.evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector("strong")?.textContent ?? "",
        href: item.querySelector("a")?.getAttribute("href") ?? "",
      }))
    )
    for (const card of cards) {
      expect(card.name).not.toBe("")
      expect(card.href).toMatch(/^#\/products\/prod_/)
      expect(card.href).not.toContain(keyboardId)
    }
    await page.getByTestId("add-to-cart").click()
    await page.locator("#flash").filter({ hasText: "Added Mechanical Keyboard" }).waitFor()
    await shot(page, "storefront-product")
    expect(page.url()).toContain(keyboardId)

    const mouse = (await call("GET", "/products/search?q=wireless%20mouse")).data.items.find(
      (p: { name: string }) => p.name === "Wireless Mouse"
    )
    await addToCart(page, mouse.id, "Wireless Mouse")

    await fillAddress(page)
    expect(await page.getByTestId("cart-line").count()).toBe(2)
    await shot(page, "storefront-cart")
    await page.getByTestId("place-order").click()
    await page.waitForURL(/#\/pay\//)
    await page.getByTestId("card").selectOption("pm_card_visa")
    await shot(page, "storefront-pay")
    await page.getByTestId("pay").click()
    await page.waitForURL(/#\/orders\/order_/)
    const status = page.getByTestId("order-status")
    await status.filter({ hasText: "paid" }).waitFor()
    await shot(page, "storefront-order-paid")

    // What the page says is what the engine has, and Stripe took the money.
    const orderId = page.url().split("/").pop()!
    const order = await call("GET", `/orders/${orderId}`, undefined, admin)
    expect(order.data.status).toBe("paid")
    expect(order.data.items.map((i: { name: string }) => i.name).sort()).toEqual([
      "Mechanical Keyboard",
      "Wireless Mouse",
    ])
    const intents = stripe.requests.filter(
      (r) => r.method === "POST" && /\/confirm$/.test(r.path) && r.status === 200
    )
    expect(intents.length).toBeGreaterThanOrEqual(1)

    // Live status: the open order page hears an admin's move over the SSE stream (one
    // stream request, never reopened, so no poll stood in for it) and shows it unreloaded.
    await page.locator('[data-testid="live-mode"][data-mode="live"]').waitFor()
    const moved = await call("PUT", `/orders/${orderId}/status`, { status: "processing" }, admin)
    expect(moved.status).toBe(200)
    await status.filter({ hasText: "processing" }).waitFor()
    expect(await page.getByTestId("live-mode").getAttribute("data-mode")).toBe("live")
    expect(streams.filter((url) => url.endsWith(`/orders/events`))).toHaveLength(1)
    expect(page.url()).toContain(orderId)

    await page.getByTestId("nav-orders").click()
    await page.getByTestId("order-row").filter({ hasText: "processing" }).waitFor()
    await page.locator('[data-testid="live-mode"][data-mode="live"]').waitFor()

    // The account page shows the engine's user and Medusa's customer through one session.
    await page.getByTestId("nav-account").click()
    await page.getByTestId("medusa-customer").waitFor()
    await page.getByTestId("logout").click()
    await page.getByTestId("nav-login").waitFor()
  })

  it("two shoppers race for the last unit: one pays, the other reads that it sold out", async () => {
    const created = await call(
      "POST",
      "/products",
      { name: "Last Lantern", price: "15.00", stock_quantity: 1 },
      admin
    )
    expect(created.status).toBe(201)
    const lanternId = created.data.id
    await eventually(
      () => call("GET", `/products/${lanternId}`),
      (r) => r.status === 200 && r.data.in_stock === true
    )
    const pages = [await newPage(), await newPage()]
    for (const [index, page] of pages.entries()) {
      await signUp(page, `racer${index}`)
      await addToCart(page, lanternId, "Last Lantern")
      await fillAddress(page)
    }

    await Promise.all(pages.map((page) => page.getByTestId("place-order").click()))
    const outcomes = await Promise.all(
      pages.map((page) =>
        Promise.race([
          page.waitForURL(/#\/pay\//, { timeout: 120_000 }).then(() => "placed"),
          page
            .getByTestId("error")
            .waitFor({ timeout: 120_000 })
            .then(async () => (await page.getByTestId("error").textContent()) ?? ""),
        ])
      )
    )
    expect(outcomes.filter((outcome) => outcome === "placed")).toHaveLength(1)
    const loser = outcomes.findIndex((outcome) => outcome !== "placed")
    expect(outcomes[loser]).toMatch(/^Sold out: Not enough stock for Last Lantern/)
    await shot(pages[loser], "storefront-sold-out")
    // The catalog learns of the hold from events: it says sold out soon after.
    const product = await eventually(
      () => call("GET", `/products/${lanternId}`),
      (r) => r.data?.in_stock === false
    )
    expect(product.data.in_stock).toBe(false)
  })

  it("no page logged a JavaScript error", () => {
    expect(jsErrors).toEqual([])
  })
})
