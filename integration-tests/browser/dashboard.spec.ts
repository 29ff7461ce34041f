import { randomUUID } from "node:crypto"
import { type Browser, type Page } from "playwright-core"
import {
  adminToken as loginAdmin,
  apiCaller,
  launchChromium,
  Screenshots,
  startEngine,
  type ApiCall,
  type Engine,
} from "./helpers"

// A real server (`npm run dev`'s script: migrate, seed, `medusa develop` with /app) on a
// fresh database, driven through Debian's chromium.
jest.setTimeout(900_000)

const STORE_ZONE = "Europe/Paris"
const BROWSER_ZONE = "America/New_York"

describe("the admin dashboard's extensions in a browser", () => {
  let engine: Engine
  let base: string
  let call: ApiCall
  let browser: Browser
  let page: Page
  let adminToken: string
  const shots = new Screenshots()
  const jsErrors: string[] = []

  beforeAll(async () => {
    // The store's zone differs from the browser's: the pages must show the store's days.
    engine = await startEngine({ ANALYTICS_TIMEZONE: STORE_ZONE })
    base = engine.base
    call = apiCaller(base)
    const { email, password } = engine.admin
    adminToken = await loginAdmin(call, engine.admin)

    browser = await launchChromium()
    const context = await browser.newContext({
      timezoneId: BROWSER_ZONE,
      viewport: { width: 1440, height: 1000 },
    })
    page = await context.newPage()
    page.on("pageerror", (error) => jsErrors.push(`${page.url()}: ${error.message}`))
    // The first /app request compiles the dashboard (vite): allow for it.
    await page.goto(`${base}/app/login`, { timeout: 300_000 })
    await page.waitForSelector('input[name="email"]', { timeout: 400_000 })
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/app\/orders/, { timeout: 120_000 })
  })

  afterAll(async () => {
    await browser?.close()
    await engine?.stop()
    // The docs' pictures change only when asked: a test run leaves the checkout clean.
    shots.publish()
  })

  /** A customer with a placed, paid order of a seeded product; returns ids. */
  async function paidOrder() {
    const email = `browser-${randomUUID().slice(0, 8)}@example.com`
    const password = "Browser-password-1"
    const registered = await call("POST", "/auth/register", {
      email,
      password,
      username: `b${randomUUID().slice(0, 8)}`,
      first_name: "Bea",
      last_name: "Rowser",
    })
    expect(registered.status).toBe(201)
    const token = (await call("POST", "/auth/login", { email, password })).data.access_token
    const products = await call("GET", "/products?limit=1")
    const productId = products.data.items[0].id
    expect(
      (await call("POST", "/cart/add", { product_id: productId, quantity: 2 }, token)).status
    ).toBe(200)
    const placed = await call(
      "POST",
      "/cart/checkout",
      {
        shipping_address: {
          first_name: "Ada",
          last_name: "Lovelace",
          address_1: "1 Main St",
          city: "Springfield",
          postal_code: "12345",
          country_code: "us",
        },
      },
      token
    )
    expect(placed.status).toBe(201)
    const orderId = placed.data.order.id
    expect(
      (await call("PUT", `/orders/${orderId}/status`, { status: "paid" }, adminToken)).status
    ).toBe(200)
    return { token, productId, orderId }
  }

  async function shot(name: string) {
    await page.waitForTimeout(500)
    await page.screenshot({ path: shots.path(name), fullPage: true })
  }

  it("Analytics shows the API's numbers for a paid order", async () => {
    const { orderId } = await paidOrder()
    let summary:
      | { currencies: { currency_code: string; current: { orders: number; revenue: string } }[] }
      | undefined
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      // No period or tz: the API's default, the last 30 days in the store's zone.
      summary = (await call("GET", "/admin/analytics/summary", undefined, adminToken)).data
      if (summary?.currencies.some((c) => c.current.orders > 0)) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const currency = summary!.currencies.find((c) => c.current.orders > 0)!
    await page.goto(`${base}/app/analytics`)
    const orders = page.getByTestId(`kpi-${currency.currency_code}-orders-value`)
    await orders.waitFor({ timeout: 60_000 })
    expect(await orders.textContent()).toBe(String(currency.current.orders))
    const revenue = await page
      .getByTestId(`kpi-${currency.currency_code}-revenue-value`)
      .textContent()
    expect(revenue?.replace(/[^0-9.]/g, "")).toBe(Number(currency.current.revenue).toFixed(2))
    await page.getByTestId(`sales-chart-${currency.currency_code}`).locator("svg").first().waitFor()
    expect(await page.getByTestId("analytics-period").textContent()).toContain(
      `Store time (${STORE_ZONE})`
    )
    await page.getByTestId("timezone-picker").click()
    await page.getByRole("option", { name: `My time (${BROWSER_ZONE})` }).click()
    await page
      .getByTestId("analytics-period")
      .filter({ hasText: `My time (${BROWSER_ZONE})` })
      .waitFor()
    await page.getByTestId("timezone-picker").click()
    await page.getByRole("option", { name: `Store time (${STORE_ZONE})` }).click()
    await orders.waitFor()
    await shot("analytics")
    expect(orderId).toBeTruthy()
  })

  it("a status move from the order widget is recorded in the history", async () => {
    const { orderId } = await paidOrder()
    await page.goto(`${base}/app/orders/${orderId}`)
    await page.getByTestId("order-status-widget").waitFor({ timeout: 60_000 })
    await page.getByTestId("move-processing").click()
    await page.getByTestId("order-status").filter({ hasText: "processing" }).waitFor()
    const order = await call("GET", `/orders/${orderId}`, undefined, adminToken)
    expect(order.data.status).toBe("processing")
    expect(order.data.status_history.at(-1)).toMatchObject({
      from: "paid",
      to: "processing",
      actor_type: "admin",
    })
    await shot("order-status-widget")
    await page.goto(`${base}/app/orders`)
    await page.getByTestId("orders-sales-summary").waitFor({ timeout: 60_000 })
    await shot("orders-sales-summary")
  })

  it("approving a review in the Reviews page makes it public", async () => {
    const { token, productId } = await paidOrder()
    const review = await call(
      "POST",
      `/products/${productId}/reviews`,
      { rating: 4, title: "Solid", body: "Does what it says." },
      token
    )
    expect(review.status).toBe(201)
    await page.goto(`${base}/app/reviews`)
    await page.getByTestId(`approve-${review.data.id}`).click()
    const deadline = Date.now() + 30_000
    let visible = false
    while (!visible && Date.now() < deadline) {
      const list = await call("GET", `/products/${productId}/reviews`)
      visible = list.data.items.some((item: { id: string }) => item.id === review.data.id)
      if (!visible) await new Promise((resolve) => setTimeout(resolve, 300))
    }
    expect(visible).toBe(true)
    await shot("reviews")
    await page.goto(`${base}/app/products/${productId}`)
    await page.getByTestId("product-rating-widget").waitFor({ timeout: 60_000 })
    const rating = (await call("GET", `/admin/product-ratings/${productId}`, undefined, adminToken))
      .data
    expect(await page.getByTestId("product-review-count").textContent()).toContain(
      `${rating.review_count} approved`
    )
    await shot("product-rating-widget")
  })

  it("Low stock and Reconciliation show the API's lists", async () => {
    const low = (await call("GET", "/admin/analytics/low-stock?limit=100", undefined, adminToken))
      .data
    await page.goto(`${base}/app/low-stock`)
    await page
      .getByTestId("low-stock-threshold")
      .filter({ hasText: `under ${low.threshold}` })
      .waitFor()
    expect(await page.getByTestId("low-stock-table").locator("tbody tr").count()).toBe(
      low.items.length
    )
    await shot("low-stock")
    const findings = (await call("GET", "/payments/reconciliation", undefined, adminToken)).data
    await page.goto(`${base}/app/reconciliation`)
    await page
      .getByTestId("findings-count")
      .filter({ hasText: `${findings.count} findings` })
      .waitFor()
    await shot("reconciliation")
  })

  it("no page logged a JavaScript error", () => {
    expect(jsErrors).toEqual([])
  })
})
